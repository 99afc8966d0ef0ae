//! Snippet stage, executed: every runnable target's snippet for every fixture runs in its real interpreter
//! against a real reqlab-echo on loopback, and what the server received must equal the PreparedRequest.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use reqlab_core::snippet::{Options, Target, TARGETS};
use reqlab_core::{prepare, Environment, PreparedBody, PreparedRequest};
use reqlab_echo::{app, Config};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// What arrived at the server, before any handler looked at it.
#[derive(Debug, Clone)]
struct Received {
    method: String,
    path_and_query: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

type Log = Arc<Mutex<Vec<Received>>>;

async fn record(State(log): State<Log>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let received = Received {
        method: parts.method.to_string(),
        path_and_query: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), v.as_bytes().to_vec()))
            .collect(),
        body: body.to_vec(),
    };
    log.lock().expect("log lock").push(received);
    next.run(Request::from_parts(parts, Body::from(body))).await
}

/// The interpreter command for a runnable target, with the snippet file as its last argument.
fn interpreter(target: &Target) -> &'static [&'static str] {
    match target.id {
        "shell-curl" => &["sh"],
        "python-requests" => &["python3"],
        other => panic!("target {other} is marked runnable but has no interpreter here"),
    }
}

/// Values of one header name (any case), joined as HTTP allows a recipient to join them.
fn joined_values<'a>(headers: impl Iterator<Item = (&'a str, &'a [u8])>, name: &str) -> Vec<u8> {
    let values: Vec<&[u8]> = headers
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .collect();
    values.join(&b", "[..])
}

fn differences(prepared: &PreparedRequest, got: &Received) -> Vec<String> {
    let mut diffs = Vec::new();
    if got.method != prepared.method.as_str() {
        diffs.push(format!(
            "method {:?} != {:?}",
            got.method,
            prepared.method.as_str()
        ));
    }
    if got.path_and_query != prepared.url.path_and_query() {
        diffs.push(format!(
            "target {:?} != {:?}",
            got.path_and_query,
            prepared.url.path_and_query()
        ));
    }
    for (name, _) in &prepared.headers {
        let want = joined_values(
            prepared
                .headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_bytes())),
            name,
        );
        let have = joined_values(
            got.headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())),
            name,
        );
        if want != have {
            diffs.push(format!(
                "header {name}: {:?} != {:?}",
                String::from_utf8_lossy(&have),
                String::from_utf8_lossy(&want)
            ));
        }
    }
    let want_body: &[u8] = match &prepared.body {
        PreparedBody::None => b"",
        PreparedBody::Text(text) => text.as_bytes(),
    };
    if got.body != want_body {
        diffs.push(format!(
            "body {:?} != {:?}",
            String::from_utf8_lossy(&got.body),
            String::from_utf8_lossy(want_body)
        ));
    }
    diffs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runnable_snippets_send_exactly_the_prepared_request() {
    let log: Log = Arc::default();
    let router = app(Config::default()).layer(middleware::from_fn_with_state(log.clone(), record));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, router).await });

    let work_dir = std::env::temp_dir().join(format!("reqlab-snippets-{}", std::process::id()));
    std::fs::create_dir_all(&work_dir).expect("temp dir");
    let mut failures = Vec::new();
    let mut runs = 0;
    for (case, mut request) in fixtures::fixture_requests() {
        request.url = request.url.replace("http://localhost:8080", &base);
        let prepared = prepare(&request, &Environment::default()).expect("fixtures prepare");
        for target in TARGETS.iter().filter(|t| t.runnable_here) {
            let snippet = target.generate(&prepared, &Options::default());
            let file = work_dir.join(format!("{case}.{}", target.extension));
            std::fs::write(&file, &snippet.code).expect("write snippet");
            let command = interpreter(target);
            log.lock().expect("log lock").clear();
            let output = tokio::task::spawn_blocking({
                let (program, args) = (command[0], command[1..].to_vec());
                let file = file.clone();
                move || Command::new(program).args(args).arg(file).output()
            })
            .await
            .expect("join")
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", command[0]));
            runs += 1;
            let label = format!("{} / {case}", target.id);
            if !output.status.success() {
                failures.push(format!(
                    "{label}: exited with {}\n{}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                ));
                continue;
            }
            let received = log.lock().expect("log lock").clone();
            match received.as_slice() {
                [one] => {
                    let diffs = differences(&prepared, one);
                    if !diffs.is_empty() {
                        failures.push(format!("{label}:\n  {}", diffs.join("\n  ")));
                    }
                }
                other => failures.push(format!("{label}: server saw {} requests", other.len())),
            }
        }
    }
    std::fs::remove_dir_all(&work_dir).ok();
    assert!(
        runs >= 40,
        "expected every runnable target to run on every fixture, ran {runs}"
    );
    assert!(
        failures.is_empty(),
        "{} of {runs} snippet runs did not send the prepared request:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
