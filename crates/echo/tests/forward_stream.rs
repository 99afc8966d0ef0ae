//! Streamed forwarding on a real socket: with `"stream": true`, `/forward` answers the envelope on its first
//! line and then relays the upstream body (here `/sse`) as it arrives, not once it is complete.

use reqlab_echo::{serve, Config, ForwardConfig};
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn start(config: Config) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(serve(listener, config, std::future::pending()));
    addr
}

/// The chunked body's data, without the chunk framing.
fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&raw[..end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .expect("a chunk size");
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
    out
}

#[tokio::test]
async fn a_streamed_forward_relays_sse_as_it_comes() {
    let addr = start(Config {
        forward: Some(ForwardConfig {
            allow_addresses: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
            ..ForwardConfig::default()
        }),
        ..Config::default()
    })
    .await;
    let description = json!({
        "url": format!("http://{addr}/sse?count=4&duration=900ms"),
        "stream": true,
    })
    .to_string();
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "POST /forward HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{description}",
        description.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let started = Instant::now();
    let mut raw = Vec::new();
    let mut first_event_at = None;
    loop {
        let mut buf = [0u8; 8192];
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("in time")
            .expect("read");
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if first_event_at.is_none() && String::from_utf8_lossy(&raw).contains("event: ping") {
            first_event_at = Some(started.elapsed());
        }
    }
    let total = started.elapsed();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (response_head, body) = text.split_once("\r\n\r\n").expect("a head");
    assert!(response_head.starts_with("HTTP/1.1 200"), "{response_head}");
    assert!(response_head
        .to_ascii_lowercase()
        .contains("content-type: application/octet-stream"));
    let body = unchunk(body.as_bytes());
    let newline = body
        .iter()
        .position(|b| *b == b'\n')
        .expect("an envelope line");
    let envelope: Value = serde_json::from_slice(&body[..newline]).expect("JSON envelope");
    assert_eq!(envelope["status"], 200);
    assert!(envelope["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .any(|h| h[0] == "content-type"
            && h[1]
                .as_str()
                .is_some_and(|v| v.starts_with("text/event-stream"))));
    assert!(
        envelope.get("body").is_none(),
        "no body field in a stream's envelope"
    );
    let upstream_body = String::from_utf8_lossy(&body[newline + 1..]).into_owned();
    assert_eq!(
        upstream_body.matches("event: ping").count(),
        4,
        "{upstream_body}"
    );
    let first = first_event_at.expect("an event arrived");
    assert!(
        first + Duration::from_millis(400) < total,
        "the first event ({first:?}) came well before the end ({total:?})"
    );
}

#[tokio::test]
async fn a_streamed_body_over_the_cap_is_cut_off() {
    let addr = start(Config {
        forward: Some(ForwardConfig {
            allow_addresses: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
            max_response_bytes: 1000,
            ..ForwardConfig::default()
        }),
        ..Config::default()
    })
    .await;
    let description =
        json!({ "url": format!("http://{addr}/stream-bytes/5000?chunk_size=500"), "stream": true })
            .to_string();
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "POST /forward HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{description}",
        description.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut raw)).await;
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(
        !text.ends_with("0\r\n\r\n"),
        "the chunked body must not end cleanly"
    );
}
