//! Snippet stage, executed: every runnable target's snippet for every fixture runs in its real interpreter
//! against a real reqlab-echo on loopback, and what the server received must equal the PreparedRequest.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use reqlab_core::snippet::{Options, Target, TARGETS};
use reqlab_core::{prepare, Environment, PreparedBody, PreparedPartValue, PreparedRequest};
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
    let want_body: Vec<u8> = match &prepared.body {
        PreparedBody::None => Vec::new(),
        PreparedBody::Text(text) => text.as_bytes().to_vec(),
        PreparedBody::UrlEncoded(fields) => PreparedBody::url_encoded(fields).into_bytes(),
        PreparedBody::File(file) => file.data.as_deref().unwrap_or_default().to_vec(),
        PreparedBody::Multipart(parts) => {
            let want: Vec<Part> = parts
                .iter()
                .map(|part| match &part.value {
                    PreparedPartValue::Text(text) => Part {
                        name: part.name.clone(),
                        filename: None,
                        content_type: None,
                        content: text.as_bytes().to_vec(),
                    },
                    PreparedPartValue::File(file) => Part {
                        name: part.name.clone(),
                        filename: Some(file.name.clone()),
                        content_type: Some(file.effective_content_type().to_string()),
                        content: file.data.as_deref().unwrap_or_default().to_vec(),
                    },
                })
                .collect();
            match parse_multipart(got) {
                Ok(have) if have == want => {}
                Ok(have) => diffs.push(format!("multipart parts {have:?} != {want:?}")),
                Err(why) => diffs.push(format!("multipart body unreadable: {why}")),
            }
            return diffs;
        }
    };
    if got.body != want_body {
        diffs.push(format!(
            "body {:?} != {:?}",
            String::from_utf8_lossy(&got.body),
            String::from_utf8_lossy(&want_body)
        ));
    }
    diffs
}

/// One multipart part as received, for comparison with the prepared part.
#[derive(Debug, PartialEq)]
struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    content: Vec<u8>,
}

/// A deliberately small multipart/form-data reader, independent of the server's own.
fn parse_multipart(got: &Received) -> Result<Vec<Part>, String> {
    let content_type = got
        .headers
        .iter()
        .find(|(n, _)| n == "content-type")
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .ok_or("no Content-Type")?;
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .ok_or("no boundary")?
        .trim_matches('"')
        .to_string();
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    let mut chunks = split_bytes(&got.body, &delimiter).into_iter().skip(1);
    for chunk in chunks.by_ref() {
        if chunk.starts_with(b"--") {
            return Ok(parts);
        }
        let chunk = chunk
            .strip_prefix(b"\r\n")
            .ok_or("part does not start with CRLF")?;
        let chunk = chunk
            .strip_suffix(b"\r\n")
            .ok_or("part does not end with CRLF")?;
        let split = split_bytes(chunk, b"\r\n\r\n");
        let head = String::from_utf8_lossy(split.first().ok_or("no part head")?).into_owned();
        let content = chunk[head.len() + 4..].to_vec();
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            content,
        };
        for line in head.split("\r\n") {
            let (name, value) = line.split_once(':').ok_or("bad part header")?;
            match name.to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    part.name = disposition_param(value, "name").ok_or("part without name")?;
                    part.filename = disposition_param(value, "filename");
                }
                "content-type" => part.content_type = Some(value.trim().to_string()),
                _ => {}
            }
        }
        parts.push(part);
    }
    Err("no closing delimiter".to_string())
}

fn disposition_param(value: &str, param: &str) -> Option<String> {
    let marker = format!("; {param}=\"");
    let start = value.find(&marker)? + marker.len();
    let end = value[start..].find('"')? + start;
    Some(value[start..end].to_string())
}

fn split_bytes<'a>(haystack: &'a [u8], needle: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    let mut rest = haystack;
    while let Some(i) = rest.windows(needle.len()).position(|w| w == needle) {
        pieces.push(&rest[..i]);
        rest = &rest[i + needle.len()..];
    }
    pieces.push(rest);
    pieces
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
    // Snippets refer to uploaded files by name, relative to where they run.
    for entry in std::fs::read_dir(fixtures::files_dir()).expect("fixture files") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, work_dir.join(path.file_name().expect("file name")))
            .expect("copy fixture file");
    }
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
                let dir = work_dir.clone();
                move || {
                    Command::new(program)
                        .args(args)
                        .arg(file)
                        .current_dir(dir)
                        .output()
                }
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
