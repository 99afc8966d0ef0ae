//! Limits that only exist on a real socket: the header read timer (slow clients are closed), the connection
//! cap, hyper's own head limits, and `/dump/request` showing the head exactly as it crossed the wire.

use reqlab_echo::{serve, Config};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// A running server; dropping it stops accepting.
struct Server {
    addr: SocketAddr,
    _stop: oneshot::Sender<()>,
}

async fn start(config: Config) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(serve(listener, config, async {
        let _ = stopped.await;
    }));
    Server { addr, _stop: stop }
}

/// Reads until the peer closes or `limit` passes; returns what arrived and whether it closed.
async fn read_all(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    let mut out = Vec::new();
    let deadline = Instant::now() + limit;
    loop {
        let mut buf = [0u8; 4096];
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (String::from_utf8_lossy(&out).into_owned(), true),
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
            Err(_) => return (String::from_utf8_lossy(&out).into_owned(), false),
        }
    }
}

/// Sends raw bytes on a fresh connection and reads the answer until the server closes.
async fn exchange(addr: SocketAddr, raw: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(raw).await.expect("write");
    let (text, closed) = read_all(&mut stream, Duration::from_secs(5)).await;
    assert!(closed, "server kept the connection open: {text}");
    text
}

#[tokio::test]
async fn slow_clients_are_closed_by_the_header_read_timeout() {
    let server = start(Config {
        header_read_timeout: Duration::from_millis(300),
        ..Config::default()
    })
    .await;
    // Slowloris: a head that never ends, and a connection that never sends anything.
    let mut partial = TcpStream::connect(server.addr).await.expect("connect");
    partial
        .write_all(b"GET /get HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n")
        .await
        .expect("write");
    let mut silent = TcpStream::connect(server.addr).await.expect("connect");
    let (_, closed) = read_all(&mut partial, Duration::from_secs(5)).await;
    assert!(closed, "a head trickling in is cut off");
    let (_, closed) = read_all(&mut silent, Duration::from_secs(5)).await;
    assert!(closed, "a silent connection is cut off");
    // Prompt clients are unaffected.
    let answer = exchange(
        server.addr,
        b"GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn connections_over_the_cap_get_503_and_are_closed() {
    let server = start(Config {
        max_connections: 2,
        ..Config::default()
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        // A complete request keeps the connection alive and proves it was admitted.
        stream
            .write_all(b"GET /ip HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .expect("write");
        let mut buf = [0u8; 1024];
        let n = stream.read(&mut buf).await.expect("read");
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        held.push(stream);
    }
    let refused = exchange(server.addr, b"GET /ip HTTP/1.1\r\nHost: x\r\n\r\n").await;
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
    assert!(refused.contains("retry-after"), "{refused}");
    // Closing one frees its place.
    drop(held.pop());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let answer = exchange(
            server.addr,
            b"GET /ip HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .await;
        if answer.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the freed place was never reused: {answer}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn heads_over_hyper_limits_get_431() {
    let server = start(Config {
        max_header_count: 5,
        max_header_bytes: 8192,
        ..Config::default()
    })
    .await;
    let mut many = String::from("GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for i in 0..10 {
        many.push_str(&format!("X-H{i}: v\r\n"));
    }
    many.push_str("\r\n");
    let answer = exchange(server.addr, many.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    let big = format!(
        "GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: {}\r\n\r\n",
        "v".repeat(20_000)
    );
    let answer = exchange(server.addr, big.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
}

#[tokio::test]
async fn chunked_bodies_over_the_limit_get_413_on_the_wire() {
    let server = start(Config {
        max_body_bytes: 10,
        ..Config::default()
    })
    .await;
    let raw = b"POST /post HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n";
    let answer = exchange(server.addr, raw).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[tokio::test]
async fn slow_bodies_get_408() {
    let server = start(Config {
        request_timeout: Duration::from_millis(300),
        ..Config::default()
    })
    .await;
    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    stream
        .write_all(b"POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a little")
        .await
        .expect("write");
    let (answer, _) = read_all(&mut stream, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

#[tokio::test]
async fn dump_request_shows_the_head_in_wire_order_and_case() {
    let server = start(Config::default()).await;
    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    // Two requests on one connection, the first with a body that mimics a request line.
    let first = "POST /anything HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n\r\nGET /dump/request HTTP/1.1\r\n\r\n";
    let second_head = "GET /dump/request?a=1 HTTP/1.1\r\nhost: x\r\nX-MiXeD-CaSe: Value\r\nzz-last: 1\r\naa-after: 2\r\nConnection: close\r\n\r\n";
    assert_eq!(
        first.len() - first.find("\r\n\r\n").map_or(0, |i| i + 4),
        30
    );
    stream.write_all(first.as_bytes()).await.expect("write");
    stream
        .write_all(second_head.as_bytes())
        .await
        .expect("write");
    let (answer, _) = read_all(&mut stream, Duration::from_secs(5)).await;
    let body_start = answer
        .rfind("\r\n\r\nGET /dump/request")
        .map(|i| i + 4)
        .expect("dump body");
    assert_eq!(&answer[body_start..], second_head, "{answer}");
}

#[tokio::test]
async fn dump_request_includes_the_body() {
    let server = start(Config::default()).await;
    let head = "PUT /dump/request HTTP/1.1\r\nHost: x\r\nContent-Type: Text/Plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n";
    let answer = exchange(server.addr, format!("{head}hello").as_bytes()).await;
    assert!(answer.ends_with(&format!("{head}hello")), "{answer}");
    assert!(answer
        .to_ascii_lowercase()
        .contains("content-type: text/plain"));
}

#[tokio::test]
async fn plain_options_has_an_empty_body_on_the_wire() {
    let server = start(Config::default()).await;
    let answer = exchange(
        server.addr,
        b"OPTIONS /post HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    let (head, body) = answer.split_once("\r\n\r\n").expect("a complete head");
    assert!(head.starts_with("HTTP/1.1 200"), "{answer}");
    let lower = head.to_ascii_lowercase();
    assert!(lower.contains("\r\ncontent-length: 0\r\n"), "{answer}");
    assert!(lower.contains("\r\nallow: post, options\r\n"), "{answer}");
    assert!(!lower.contains("transfer-encoding"), "{answer}");
    assert_eq!(body, "", "{answer}");
}
