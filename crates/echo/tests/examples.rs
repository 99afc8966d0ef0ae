//! The examples gallery against reqlab-echo, in process: every example, prepared exactly as the app prepares
//! it, gets the status the gallery promises, and the echo shows it sent what its description says.

mod support;

use axum::body::Body;
use reqlab_core::edit::examples::{gallery, Example};
use reqlab_core::{prepare, Environment, PreparedRequest};
use serde_json::{json, Value};
use support::{request, send, Answer};

/// The base the gallery is built for; the router only sees path and query, so any origin does.
const BASE: &str = "http://127.0.0.1:8080";

/// The prepared request as the HTTP request the browser would put on the wire.
fn to_http(prepared: &PreparedRequest) -> axum::http::Request<Body> {
    let mut builder = request(prepared.method.as_str(), &prepared.url.path_and_query())
        .header("Host", prepared.url.authority());
    for (name, value) in &prepared.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let (body, content_type) = prepared
        .body
        .wire()
        .unwrap_or_else(|file| panic!("{} is not loaded", file.name));
    if let Some(content_type) = content_type {
        builder = builder.header("Content-Type", content_type);
    }
    builder.body(Body::from(body)).expect("valid request")
}

async fn run(example: &Example) -> Answer {
    let prepared = prepare(&example.request, &Environment::default())
        .unwrap_or_else(|e| panic!("{} does not prepare: {e}", example.id));
    send(to_http(&prepared)).await
}

/// What each example's answer must show, as (JSON pointer, value); `None` for answers that are not JSON.
fn expected_echo(id: &str) -> Option<Vec<(&'static str, Value)>> {
    Some(match id {
        "get-query" => vec![("/args", json!({"name": "reqlab", "page": "2"}))],
        "post-form" => vec![("/form", json!({"name": "Peter", "city": "New York"}))],
        "post-json" => vec![
            ("/json", json!({"name": "Peter", "tags": ["a", "b"]})),
            ("/headers/Content-Type", json!("application/json")),
        ],
        "upload-file" => vec![
            ("/form", json!({"title": "Greeting"})),
            ("/files", json!({"file": "Hello from reqlab\n"})),
        ],
        "basic-auth" => vec![("/authenticated", json!(true)), ("/user", json!("user"))],
        "user-agent" => vec![("/user-agent", json!("reqlab-tutorial/1.0"))],
        "reqbin-echo" => vec![
            ("/method", json!("GET")),
            ("/url", json!(format!("{BASE}/echo"))),
        ],
        _ => return None,
    })
}

#[tokio::test]
async fn every_example_gets_its_promised_status_and_echoes_what_it_sent() {
    let examples = gallery(BASE);
    assert!(examples.len() >= 10, "the gallery lost examples");
    for example in &examples {
        let answer = run(example).await;
        assert_eq!(
            answer.status.as_u16(),
            example.server_status,
            "{}: {}",
            example.id,
            answer.text()
        );
        if let Some(checks) = expected_echo(example.id) {
            let echo = answer.json();
            for (pointer, value) in checks {
                assert_eq!(
                    echo.pointer(pointer),
                    Some(&value),
                    "{} {pointer}: {echo}",
                    example.id
                );
            }
        }
    }
}

#[tokio::test]
async fn redirects_point_at_get_and_the_stream_sends_every_line() {
    let examples = gallery(BASE);
    let find = |id: &str| {
        examples
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no example {id}"))
    };
    for id in ["redirect-followed", "redirect-manual"] {
        assert_eq!(run(find(id)).await.header("location"), "/get", "{id}");
    }
    assert_eq!(run(find("stream")).await.json_lines().len(), 20);
}
