//! Snippet stage, executed over a WebSocket: every target that writes WebSocket code and can run here
//! connects to reqlab-echo's `/websocket/echo` on loopback with the WebSocket fixtures. The handshake the
//! server received must carry the prepared headers (the subprotocols alone for a browser, which can set no
//! other), and the program's output must hold the first message, echoed back.
//! `REQLAB_TARGETS=id,id` runs only those targets.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::compare::handshake_differences;
use reqlab_conformance::{recorder, runners, scratch};
use reqlab_core::snippet::{find_target, Options};
use reqlab_core::{prepare, Environment, PreparedBody};
use std::process::Command;

/// Whether this machine's curl speaks WebSocket (7.86 and later, when built with it): Debian's 7.88 is not.
fn curl_speaks_websocket() -> bool {
    Command::new("curl")
        .arg("--version")
        .output()
        .map(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter(|line| line.starts_with("Protocols:"))
                .any(|line| line.split_whitespace().any(|p| p == "ws"))
        })
        .unwrap_or(false)
}

/// How a target's WebSocket snippet is expected to behave here: whether it can send the body, and whether
/// it can set headers other than the subprotocols.
struct Expectation {
    sends_message: bool,
    sets_headers: bool,
}

fn expectation(id: &str) -> Expectation {
    match id {
        // curl cannot send messages from the command line; its snippet says so.
        "shell-curl" => Expectation {
            sends_message: false,
            sets_headers: true,
        },
        // A page's WebSocket sets no header but the subprotocols; its snippet says so.
        "js-fetch" => Expectation {
            sends_message: true,
            sets_headers: false,
        },
        _ => Expectation {
            sends_message: true,
            sets_headers: true,
        },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn websocket_snippets_shake_hands_as_prepared_and_get_their_message_echoed() {
    let (base, log) = recorder::start().await;
    let ws_base = base.replacen("http://", "ws://", 1);
    let work_dir = scratch::with_files(&fixtures::files_dir(), "websocket-snippets");
    let cases: Vec<_> = fixtures::fixture_requests()
        .into_iter()
        .filter(|(_, request)| request.url.starts_with("ws://"))
        .collect();
    assert!(!cases.is_empty(), "no WebSocket fixture");
    let only = std::env::var("REQLAB_TARGETS").unwrap_or_default();
    let selected = |id: &str| only.is_empty() || only.split(',').any(|t| t.trim() == id);
    let curl_ws = curl_speaks_websocket();
    let mut failures = Vec::new();
    let mut runs = 0;
    for runner in runners::all().into_iter().filter(|r| selected(r.target)) {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        if !target.has_websocket_client() {
            continue;
        }
        if runner.target == "shell-curl" && !curl_ws {
            println!("shell-curl: skipped, this curl does not list ws among its protocols");
            continue;
        }
        let expected = expectation(target.id);
        for (case, request) in &cases {
            let mut request = request.clone();
            request.url = request.url.replace("ws://localhost:8080", &ws_base);
            let prepared = prepare(&request, &Environment::default()).expect("fixtures prepare");
            let snippet = target.generate(&prepared, &Options::default());
            let name = format!("{case}.{}", target.extension);
            let command = runner.write_snippet(&snippet.code, &name, &work_dir);
            log.take();
            let output = runners::output(command)
                .await
                .unwrap_or_else(|e| panic!("cannot run the {} snippet: {e}", target.id));
            runs += 1;
            let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
            let label = format!("{} / {case}", target.id);
            let mut problems = Vec::new();
            // curl ends its wait with --max-time, which it reports as exit code 28.
            let ended_well = output.status.success()
                || (target.id == "shell-curl" && output.status.code() == Some(28));
            if !ended_well {
                problems.push(format!(
                    "exited with {}: {}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
            match log.take().as_slice() {
                [one] => problems.extend(handshake_differences(
                    &prepared,
                    one,
                    !expected.sets_headers,
                )),
                other => problems.push(format!("server saw {} requests", other.len())),
            }
            if expected.sends_message {
                if let PreparedBody::Text(text) = &prepared.body {
                    if !stdout.contains(text.as_str()) {
                        problems.push(format!("the echo of {text:?} is not in the output"));
                    }
                }
            }
            if !expected.sets_headers && !snippet.warnings.iter().any(|w| w.contains("left out")) {
                problems.push("does not warn that its headers are left out".to_string());
            }
            if problems.is_empty() {
                println!("{label}: passed");
            } else {
                failures.push(format!(
                    "{label}:\n  {}\n  output: {stdout}",
                    problems.join("\n  ")
                ));
            }
        }
    }
    std::fs::remove_dir_all(&work_dir).ok();
    assert!(runs > 0, "no WebSocket snippet ran");
    assert!(
        failures.is_empty(),
        "{} of {runs} WebSocket snippet runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
