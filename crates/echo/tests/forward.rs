//! Forward mode: off by default; when on, refuses every SSRF vector (loopback, private, link-local,
//! unique-local, mapped and numeric spellings, redirects into private space), honours token and origin
//! rules, and relays status, every header, the redirect chain and timing from a real upstream.

mod support;

use axum::body::Body;
use reqlab_echo::{serve, Config, ForwardConfig};
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use support::{request, send_with, Answer};
use tokio::net::TcpListener;

fn forwarding(forward: ForwardConfig) -> Config {
    Config {
        forward: Some(forward),
        ..Config::default()
    }
}

async fn forward_with(config: Config, description: Value, headers: &[(&str, &str)]) -> Answer {
    let mut builder = request("POST", "/forward")
        .header("Host", "127.0.0.1:8080")
        .header("Content-Type", "application/json");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    send_with(
        config,
        builder
            .body(Body::from(description.to_string()))
            .expect("valid request"),
    )
    .await
}

/// A second reqlab-echo on loopback to forward to; it may redirect anywhere.
async fn upstream() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let config = Config {
        allowed_redirect_hosts: vec![
            "169.254.169.254".to_string(),
            "127.0.0.2".to_string(),
            "[::1]".to_string(),
            "::1".to_string(),
            "localhost".to_string(),
        ],
        ..Config::default()
    };
    tokio::spawn(serve(listener, config, std::future::pending()));
    addr
}

#[tokio::test]
async fn forward_mode_is_off_by_default() {
    let answer = forward_with(
        Config::default(),
        json!({"url": "http://example.com/"}),
        &[],
    )
    .await;
    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn ssrf_vectors_are_refused() {
    let vectors = [
        "http://127.0.0.1/",
        "http://127.1/",
        "http://127.0.1/",
        "http://0x7f000001/",
        "http://0x7f.0x0.0x0.0x1/",
        "http://2130706433/",
        "http://017700000001/",
        "http://0177.0.0.1/",
        "http://127.000.000.001/",
        "http://0/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://[::1]/",
        "http://[0:0:0:0:0:0:0:1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[::127.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://localhost/",
        "http://localhost./",
        "http://LOCALHOST:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://\u{2460}\u{2461}\u{2466}.0.0.1/",
        "https://127.0.0.1:22/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
        "ftp://127.0.0.1/",
        "http://user:pass@example.com/",
    ];
    for url in vectors {
        let answer = forward_with(
            forwarding(ForwardConfig::default()),
            json!({ "url": url }),
            &[],
        )
        .await;
        assert!(
            answer.status == 403,
            "{url}: {} {}",
            answer.status,
            answer.text()
        );
    }
}

#[tokio::test]
async fn a_redirect_into_private_space_is_refused() {
    let up = upstream().await;
    // The upstream itself is reachable only as an explicit exception; the hop it redirects to is not.
    let config = forwarding(ForwardConfig {
        allow_addresses: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
        ..ForwardConfig::default()
    });
    for target in [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.2/",
        "http://[::1]/",
        "http://localhost:1/",
    ] {
        let url = format!(
            "http://{up}/redirect-to?url={}",
            form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
        );
        let answer = forward_with(config.clone(), json!({ "url": url }), &[]).await;
        assert_eq!(answer.status, 403, "{target}: {}", answer.text());
        // Not following: the 302 itself comes back, nothing reaches the private target.
        let answer = forward_with(
            config.clone(),
            json!({ "url": url, "follow_redirects": false }),
            &[],
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert_eq!(answer.json()["status"], 302);
    }
}

#[tokio::test]
async fn forwarding_relays_status_headers_redirects_and_timing() {
    let up = upstream().await;
    let config = forwarding(ForwardConfig {
        allow_addresses: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
        ..ForwardConfig::default()
    });
    let answer = forward_with(
        config.clone(),
        json!({
            "method": "POST",
            "url": format!("http://{up}/post?x=1"),
            "headers": [["Content-Type", "application/json"], ["X-Custom", "yes"]],
            "body": "{\"a\":1}",
        }),
        &[],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let got = answer.json();
    assert_eq!(got["status"], 200);
    let echoed: Value =
        serde_json::from_str(got["body"].as_str().expect("text body")).expect("JSON");
    assert_eq!(echoed["json"], json!({"a": 1}));
    assert_eq!(echoed["args"]["x"], "1");
    assert_eq!(echoed["headers"]["X-Custom"], "yes");
    assert!(got["timing"]["total_ms"].as_f64().is_some());

    // Headers a browser would hide (Set-Cookie) come back, and the chain is recorded.
    let answer = forward_with(
        config.clone(),
        json!({ "url": format!("http://{up}/cookies/set?k=v"), "follow_redirects": false }),
        &[],
    )
    .await;
    let got = answer.json();
    assert_eq!(got["status"], 302);
    assert!(got["headers"]
        .as_array()
        .expect("list")
        .iter()
        .any(|h| h[0] == "set-cookie" && h[1] == "k=v; Path=/"));
    let answer = forward_with(
        config,
        json!({ "url": format!("http://{up}/redirect/3") }),
        &[],
    )
    .await;
    let got = answer.json();
    assert_eq!(got["status"], 200);
    assert_eq!(got["redirects"].as_array().map(Vec::len), Some(3));
    assert!(got["url"].as_str().is_some_and(|u| u.ends_with("/get")));
}

#[tokio::test]
async fn token_origins_and_rate_are_enforced() {
    let config = forwarding(ForwardConfig {
        token: Some("s3cret".to_string()),
        allowed_origins: vec!["https://docs.example".to_string()],
        per_origin_per_minute: 2,
        ..ForwardConfig::default()
    });
    // Refused before any network use: the URL is private, so a pass would answer 403 "Not forwarded".
    let url = json!({ "url": "http://127.0.0.1/" });
    let no_token = forward_with(
        config.clone(),
        url.clone(),
        &[("Origin", "https://docs.example")],
    )
    .await;
    assert_eq!(no_token.status, 401);
    let wrong_origin = forward_with(
        config.clone(),
        url.clone(),
        &[
            ("Origin", "https://evil.example"),
            ("X-Reqlab-Token", "s3cret"),
        ],
    )
    .await;
    assert_eq!(wrong_origin.status, 403);
    assert!(wrong_origin.text().contains("origin"));
    // One app: the rate window is shared across the requests it serves.
    let app = reqlab_echo::app(config);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        use tower::ServiceExt;
        let response = app
            .clone()
            .oneshot(
                request("POST", "/forward")
                    .header("Content-Type", "application/json")
                    .header("Origin", "https://docs.example")
                    .header("X-Reqlab-Token", "s3cret")
                    .body(Body::from(url.to_string()))
                    .expect("valid"),
            )
            .await
            .expect("infallible");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [403, 403, 429]);
}

#[tokio::test]
async fn other_pages_cannot_drive_a_local_forwarder() {
    let answer = forward_with(
        forwarding(ForwardConfig::default()),
        json!({ "url": "http://127.0.0.1/" }),
        &[("Origin", "https://evil.example")],
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(answer.text().contains("origin"), "{}", answer.text());
}

#[tokio::test]
async fn header_values_outside_ascii_are_forwarded_as_utf8_bytes() {
    let up = upstream().await;
    let config = forwarding(ForwardConfig {
        allow_addresses: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
        ..ForwardConfig::default()
    });
    // What a browser cannot send (✓ is beyond Latin-1) goes out as curl sends it: the value's UTF-8 bytes.
    let answer = forward_with(
        config,
        json!({
            "url": format!("http://{up}/dump/request"),
            "headers": [["X-Note", "café ✓"]],
        }),
        &[],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let dump = answer.json()["body"]
        .as_str()
        .expect("the dump is text")
        .to_string();
    // Compared without the name's case: the relay writes names in lower case, as HTTP/2 would.
    assert!(
        dump.to_lowercase().contains("\r\nx-note: café ✓\r\n"),
        "{dump}"
    );
}
