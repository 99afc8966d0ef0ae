//! Every limit, in process: body size (announced and chunked), header count and size, total request
//! duration, and the caps on delays and generated bodies. Each is on by default and moves with the config.

mod support;

use axum::body::{Body, Bytes};
use reqlab_echo::Config;
use std::convert::Infallible;
use std::time::Duration;
use support::{request, send, send_with};

fn small() -> Config {
    Config {
        max_body_bytes: 16,
        max_header_count: 5,
        max_header_bytes: 200,
        request_timeout: Duration::from_millis(300),
        max_delay: Duration::from_millis(200),
        max_generated_bytes: 100,
        ..Config::default()
    }
}

/// A body sent as chunks with no length up front, as `Transfer-Encoding: chunked` would arrive.
fn chunked(pieces: usize, size: usize) -> Body {
    let chunks = (0..pieces).map(move |_| Ok::<_, Infallible>(Bytes::from(vec![b'x'; size])));
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[test]
fn defaults_are_on() {
    let c = Config::default();
    assert_eq!(c.max_body_bytes, 10 * 1024 * 1024);
    assert_eq!(c.max_header_count, 100);
    assert_eq!(c.max_header_bytes, 32 * 1024);
    assert_eq!(c.header_read_timeout, Duration::from_secs(10));
    assert_eq!(c.request_timeout, Duration::from_secs(60));
    assert_eq!(c.max_connections, 512);
    assert_eq!(c.max_delay, Duration::from_secs(10));
    assert_eq!(c.max_generated_bytes, 10 * 1024 * 1024);
    assert!(c.allowed_redirect_hosts.is_empty());
    assert!(c.forward.is_none(), "forward mode is off by default");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413_whether_announced_or_chunked() {
    // Every route that reads a body, with an announced length and as a stream.
    for uri in [
        "/post",
        "/anything",
        "/echo",
        "/dump/request",
        "/upload",
        "/delay/0",
        "/digest-auth/auth/u/p",
    ] {
        let method = if uri.starts_with("/delay") || uri.starts_with("/digest") {
            "GET"
        } else {
            "POST"
        };
        let announced = send_with(
            small(),
            request(method, uri)
                .header("Content-Length", "17")
                .body(Body::from("x".repeat(17)))
                .expect("valid"),
        )
        .await;
        assert_eq!(
            announced.status,
            413,
            "{uri} announced: {}",
            announced.text()
        );
        let streamed = send_with(
            small(),
            request(method, uri).body(chunked(5, 4)).expect("valid"),
        )
        .await;
        assert_eq!(streamed.status, 413, "{uri} chunked: {}", streamed.text());
        let fits = send_with(
            small(),
            request(method, uri).body(chunked(4, 4)).expect("valid"),
        )
        .await;
        assert_ne!(fits.status, 413, "{uri}: 16 bytes fit");
    }
    let multipart = send_with(
        small(),
        request("POST", "/upload")
            .header("Content-Type", "multipart/form-data; boundary=b")
            .body(chunked(10, 10))
            .expect("valid"),
    )
    .await;
    assert_eq!(multipart.status, 413);
}

#[tokio::test]
async fn too_many_or_too_large_headers_get_431() {
    let mut many = request("GET", "/get");
    for i in 0..6 {
        many = many.header(format!("x-h{i}"), "v");
    }
    assert_eq!(
        send_with(small(), many.body(Body::empty()).expect("valid"))
            .await
            .status,
        431
    );
    let large = request("GET", "/get")
        .header("x-big", "v".repeat(300))
        .body(Body::empty())
        .expect("valid");
    assert_eq!(send_with(small(), large).await.status, 431);
    let fine = request("GET", "/get")
        .header("x-ok", "v")
        .body(Body::empty())
        .expect("valid");
    assert_eq!(send_with(small(), fine).await.status, 200);
}

#[tokio::test]
async fn requests_over_the_duration_limit_get_408() {
    let config = Config {
        request_timeout: Duration::from_millis(100),
        ..small()
    };
    // A body that never finishes arriving: the slow-upload form of slowloris.
    let stalled = Body::from_stream(futures_util::stream::pending::<Result<Bytes, Infallible>>());
    let answer = send_with(
        config.clone(),
        request("POST", "/post").body(stalled).expect("valid"),
    )
    .await;
    assert_eq!(answer.status, 408);
    assert_eq!(answer.header("connection"), "close");
    let slow = Config {
        max_delay: Duration::from_secs(1),
        ..config
    };
    assert_eq!(
        send_with(
            slow,
            request("GET", "/delay/1")
                .body(Body::empty())
                .expect("valid")
        )
        .await
        .status,
        408
    );
}

// Virtual time: the cap is checked exactly, and no test waits or depends on the machine's speed.
#[tokio::test(start_paused = true)]
async fn delay_is_capped() {
    let config = Config {
        request_timeout: Duration::from_secs(3600),
        ..small()
    };
    for (uri, status) in [
        ("/delay/30", 200),
        ("/delay/1e300", 200),
        ("/delay/inf", 400),
        ("/delay/0.05", 200),
    ] {
        let started = tokio::time::Instant::now();
        let answer = send_with(
            config.clone(),
            request("GET", uri).body(Body::empty()).expect("valid"),
        )
        .await;
        assert_eq!(answer.status, status, "{uri}");
        let waited = started.elapsed();
        if uri == "/delay/0.05" {
            assert_eq!(waited, Duration::from_millis(50), "{uri}");
        } else if status == 200 {
            assert_eq!(
                waited, config.max_delay,
                "{uri} waits the cap, not what was asked"
            );
        }
    }
}

#[tokio::test]
async fn generated_bodies_are_capped() {
    for uri in [
        "/bytes/101",
        "/stream-bytes/101",
        "/range/101",
        "/drip?duration=0&numbytes=101",
        "/drip?duration=1&numbytes=1",
        "/drip?delay=1&duration=0&numbytes=1",
    ] {
        let answer = send_with(
            small(),
            request("GET", uri).body(Body::empty()).expect("valid"),
        )
        .await;
        assert_eq!(answer.status, 400, "{uri}: {}", answer.text());
    }
    for uri in [
        "/bytes/100",
        "/stream-bytes/100",
        "/range/100",
        "/drip?duration=0&numbytes=100",
    ] {
        let answer = send_with(
            small(),
            request("GET", uri).body(Body::empty()).expect("valid"),
        )
        .await;
        assert_eq!(
            (answer.status.as_u16(), answer.body.len()),
            (200, 100),
            "{uri}"
        );
    }
    // With the default configuration the same requests pass.
    let answer = send(
        request("GET", "/bytes/101")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(answer.status, 200);
}
