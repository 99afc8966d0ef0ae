//! Live streams: `/sse`, the record streams (`/ndjson`, `/jsonl`, `/json-seq`) and `/sse/chat`: their
//! headers, shapes and limits in process, and on a real socket that events arrive while the stream is open.

mod support;

use axum::body::Body;
use reqlab_echo::{serve, Config};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use support::{get, request, send, send_with};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The `data:` lines of each event, joined with LF as the SSE spec says, with the event's other fields.
fn events(text: &str) -> Vec<(Option<String>, Option<String>, String)> {
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| {
            let mut id = None;
            let mut event = None;
            let mut data = Vec::new();
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id: ") {
                    id = Some(v.to_string());
                } else if let Some(v) = line.strip_prefix("event: ") {
                    event = Some(v.to_string());
                } else if let Some(v) = line.strip_prefix("data: ") {
                    data.push(v);
                }
            }
            (id, event, data.join("\n"))
        })
        .collect()
}

#[tokio::test]
async fn sse_sends_go_httpbin_ping_events() {
    let answer = get("/sse?count=3&duration=0").await;
    assert_eq!(answer.status, 200);
    assert!(answer
        .header("content-type")
        .starts_with("text/event-stream"));
    assert_eq!(answer.header("cache-control"), "no-cache");
    let events = events(&answer.text());
    assert_eq!(events.len(), 3, "{}", answer.text());
    for (n, (id, event, data)) in events.iter().enumerate() {
        assert_eq!(id.as_deref(), Some(n.to_string().as_str()));
        assert_eq!(event.as_deref(), Some("ping"));
        let data: Value = serde_json::from_str(data).expect("JSON data");
        assert_eq!(data["id"], n);
        assert!(data["timestamp"]
            .as_u64()
            .is_some_and(|t| t > 1_600_000_000_000));
    }
}

#[tokio::test]
async fn sse_continues_after_the_last_event_id_and_names_its_retry() {
    let reconnect = |query: &str, last: &str| {
        axum::http::Request::get(format!("/sse?{query}"))
            .header("Last-Event-ID", last)
            .body(Body::empty())
            .expect("request")
    };
    let answer = send(reconnect("count=2&duration=0&retry=250", "41")).await;
    assert_eq!(answer.status, 200);
    let text = answer.text();
    assert!(text.starts_with("retry: 250\n"), "{text}");
    assert_eq!(text.matches("retry:").count(), 1, "{text}");
    let ids: Vec<_> = events(&text).into_iter().map(|(id, _, _)| id).collect();
    assert_eq!(ids, [Some("42".to_string()), Some("43".to_string())]);
    // An id that is no number starts the stream over.
    let answer = send(reconnect("count=1&duration=0", "abc")).await;
    assert_eq!(events(&answer.text())[0].0.as_deref(), Some("0"));
}

#[tokio::test]
async fn sse_and_records_refuse_what_is_over_the_limits() {
    for path in ["/sse", "/ndjson", "/jsonl", "/json-seq"] {
        for query in [
            "count=0",
            "count=1000001",
            "count=ten",
            "duration=11s",
            "duration=6&delay=5",
            "delay=20000ms",
            "duration=soon",
            "duration=-1s",
        ] {
            let answer = get(&format!("{path}?{query}")).await;
            assert_eq!(answer.status, 400, "{path}?{query}");
            assert!(answer.text().ends_with(".\n"), "{}", answer.text());
        }
        // The cap moves with --max-delay.
        let answer = send_with(
            Config {
                max_delay: Duration::from_millis(100),
                ..Config::default()
            },
            request("GET", &format!("{path}?duration=200ms"))
                .body(Body::empty())
                .expect("valid"),
        )
        .await;
        assert_eq!(answer.status, 400);
        assert!(answer.text().contains("--max-delay"), "{}", answer.text());
    }
}

#[tokio::test]
async fn durations_take_go_and_plain_seconds_forms() {
    for query in [
        "duration=100ms",
        "duration=0.1",
        "duration=0s&delay=50ms",
        "delay=0",
    ] {
        let answer = get(&format!("/sse?count=2&{query}")).await;
        assert_eq!(answer.status, 200, "{query}: {}", answer.text());
        assert_eq!(events(&answer.text()).len(), 2);
    }
}

#[tokio::test]
async fn record_streams_use_their_formats() {
    for (path, content_type) in [
        ("/ndjson", "application/x-ndjson"),
        ("/jsonl", "application/jsonl"),
    ] {
        let answer = get(&format!("{path}?count=4&duration=0")).await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("content-type"), content_type);
        let records = answer.json_lines();
        assert_eq!(records.len(), 4);
        assert_eq!(records[2]["id"], 2);
        assert_eq!(records[2]["message"], "record 2");
        assert!(records[2]["timestamp"].as_u64().is_some());
    }
    let answer = get("/json-seq?count=3&duration=0").await;
    assert_eq!(answer.header("content-type"), "application/json-seq");
    let body = answer.text();
    // RFC 7464: every record is RS, JSON, LF.
    let records: Vec<&str> = body.split('\u{1e}').skip(1).collect();
    assert!(body.starts_with('\u{1e}'));
    assert_eq!(records.len(), 3);
    for (n, record) in records.iter().enumerate() {
        assert!(record.ends_with('\n'));
        let value: Value = serde_json::from_str(record.trim_end()).expect("JSON");
        assert_eq!(value["id"], n);
    }
}

fn chat_request(body: &str, query: &str) -> axum::http::Request<Body> {
    request("POST", &format!("/sse/chat{query}"))
        .header("Content-Type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("valid")
}

#[tokio::test]
async fn chat_streams_words_then_a_multiline_summary_then_done() {
    let body = json!({
        "model": "gpt-test",
        "messages": [
            {"role": "system", "content": "be brief"},
            {"role": "user", "content": "Hello streaming world"}
        ],
        "stream": true
    });
    let answer = send(chat_request(&body.to_string(), "?delay_ms=0")).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer
        .header("content-type")
        .starts_with("text/event-stream"));
    let text = answer.text();
    let events = events(&text);
    let (done, rest) = events.split_last().expect("events");
    assert_eq!(done.2, "[DONE]");
    let (summary, words) = rest.split_last().expect("a summary");
    assert_eq!(summary.1.as_deref(), Some("summary"));
    assert!(summary.2.contains('\n'), "the summary spans lines: {text}");
    assert!(summary.2.starts_with("You said: Hello streaming world\n"));
    let mut joined = String::new();
    for (n, (id, _, data)) in words.iter().enumerate() {
        assert_eq!(id.as_deref(), Some(n.to_string().as_str()));
        let chunk: Value = serde_json::from_str(data).expect("JSON chunk");
        assert_eq!(chunk["object"], "chat.completion.chunk");
        assert_eq!(chunk["model"], "gpt-test");
        assert!(chunk["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("chatcmpl-")));
        joined.push_str(
            chunk["choices"][0]["delta"]["content"]
                .as_str()
                .expect("text"),
        );
    }
    assert_eq!(joined, summary.2, "the words add up to the summary");
    // The summary's data is several `data:` lines on the wire.
    assert!(text.contains("event: summary\ndata: You said: Hello streaming world\ndata: "));
}

#[tokio::test]
async fn chat_accepts_no_messages_and_refuses_bad_json() {
    for body in ["", "{}", r#"{"messages": []}"#, r#"{"delay_ms": 0}"#] {
        let answer = send(chat_request(body, "?delay_ms=0")).await;
        assert_eq!(answer.status, 200, "{body:?}");
        assert!(answer.text().contains("You sent no user message."));
    }
    for (body, query) in [
        ("{not json", ""),
        ("[1, 2]", ""),
        (r#"{"messages": "hi"}"#, ""),
        ("{}", "?delay_ms=5000"),
        (r#"{"delay_ms": -1}"#, ""),
    ] {
        let answer = send(chat_request(body, query)).await;
        assert_eq!(answer.status, 400, "{body}{query}");
        assert!(answer.text().ends_with(".\n"), "{}", answer.text());
    }
}

async fn start(config: Config) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(serve(listener, config, std::future::pending()));
    addr
}

/// Sends a GET and returns the stream past the response head, with the head.
async fn open(addr: SocketAddr, path: &str) -> (TcpStream, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let head = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut got = Vec::new();
    loop {
        let mut buf = [0u8; 4096];
        let n = stream.read(&mut buf).await.expect("read");
        assert!(n > 0, "closed before the head");
        got.extend_from_slice(&buf[..n]);
        if let Some(end) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&got[..end]).into_owned();
            let rest = got[end + 4..].to_vec();
            return (stream, head, rest);
        }
    }
}

/// Reads the chunked body to its end, noting when each piece arrived.
async fn read_timed(mut stream: TcpStream, mut first: Vec<u8>) -> Vec<(Duration, Vec<u8>)> {
    let started = Instant::now();
    let mut pieces = Vec::new();
    if !first.is_empty() {
        pieces.push((Duration::ZERO, std::mem::take(&mut first)));
    }
    loop {
        let mut buf = vec![0u8; 65536];
        let n = tokio::time::timeout(Duration::from_secs(20), stream.read(&mut buf))
            .await
            .expect("the stream ends in time")
            .expect("read");
        if n == 0 {
            return pieces;
        }
        buf.truncate(n);
        pieces.push((started.elapsed(), buf));
    }
}

fn count(pieces: &[(Duration, Vec<u8>)], needle: &str) -> usize {
    let all: Vec<u8> = pieces.iter().flat_map(|(_, p)| p.clone()).collect();
    String::from_utf8_lossy(&all).matches(needle).count()
}

#[tokio::test]
async fn sse_events_arrive_as_they_fall_due() {
    let addr = start(Config::default()).await;
    let (stream, head, rest) = open(addr, "/sse?count=5&duration=1s").await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head
        .to_ascii_lowercase()
        .contains("content-type: text/event-stream"));
    let pieces = read_timed(stream, rest).await;
    let first_event = pieces
        .iter()
        .find(|(_, p)| String::from_utf8_lossy(p).contains("event: ping"))
        .map(|(at, _)| *at)
        .expect("an event");
    let last = pieces.last().map(|(at, _)| *at).expect("pieces");
    assert!(
        first_event < Duration::from_millis(500),
        "the first event came at {first_event:?}"
    );
    assert!(
        last >= Duration::from_millis(800),
        "the stream ended at {last:?}"
    );
    assert_eq!(count(&pieces, "event: ping"), 5);
}

#[tokio::test]
async fn sse_keeps_up_with_ten_thousand_events_a_second() {
    let addr = start(Config::default()).await;
    let started = Instant::now();
    let (stream, head, rest) = open(addr, "/sse?count=20000&duration=2s").await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let pieces = read_timed(stream, rest).await;
    let took = started.elapsed();
    assert_eq!(count(&pieces, "event: ping"), 20000);
    assert!(took >= Duration::from_millis(1900), "too fast: {took:?}");
    assert!(took < Duration::from_secs(6), "too slow: {took:?}");
    // Batched: far fewer writes than events, yet many of them along the way.
    assert!(pieces.len() > 10, "only {} pieces", pieces.len());
}

#[tokio::test]
async fn ndjson_streams_records_over_time() {
    let addr = start(Config::default()).await;
    let (stream, head, rest) = open(addr, "/ndjson?count=4&duration=600ms").await;
    assert!(
        head.to_ascii_lowercase().contains("application/x-ndjson"),
        "{head}"
    );
    let pieces = read_timed(stream, rest).await;
    assert_eq!(count(&pieces, "\"message\":\"record "), 4);
    let with_records: Vec<Duration> = pieces
        .iter()
        .filter(|(_, p)| String::from_utf8_lossy(p).contains("record"))
        .map(|(at, _)| *at)
        .collect();
    assert!(
        with_records.len() >= 3,
        "records came in {} pieces",
        with_records.len()
    );
    assert!(with_records[0] < Duration::from_millis(300));
}
