//! Snippet stage, executed with a streamed response: every runnable target's snippet for each fixture that
//! expects a stream (`PreparedRequest::expects_stream`, e.g. `POST /sse/chat` with `"stream": true`) runs
//! against a real reqlab-echo on loopback. The server must receive exactly the prepared request, and the
//! program's output must hold the server-sent events. Browser snippets end once they log the status (see
//! the browser driver), so only their request is checked. `REQLAB_TARGETS=id,id` runs only those targets.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::{compare::differences, recorder, runners, scratch};
use reqlab_core::snippet::{find_target, Options};
use reqlab_core::{prepare, Environment};

/// Targets whose output this test cannot see: a page's console ends the run at the first line.
const BROWSER_TARGETS: &[&str] = &["js-fetch", "js-xhr", "js-jquery"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streamed_responses_arrive_in_the_output() {
    let (base, log) = recorder::start().await;
    let work_dir = scratch::with_files(&fixtures::files_dir(), "streamed-snippets");
    let env = Environment::default();
    let cases: Vec<_> = fixtures::fixture_requests()
        .into_iter()
        .filter(|(_, request)| {
            prepare(request, &env).is_ok_and(|p| p.expects_stream() && !p.url.is_websocket())
        })
        .collect();
    assert!(!cases.is_empty(), "no fixture expects a stream");
    let only = std::env::var("REQLAB_TARGETS").unwrap_or_default();
    let selected = |id: &str| only.is_empty() || only.split(',').any(|t| t.trim() == id);
    let mut failures = Vec::new();
    let mut runs = 0;
    for runner in runners::all().into_iter().filter(|r| selected(r.target)) {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        for (case, request) in &cases {
            let mut request = request.clone();
            request.url = request.url.replace("http://localhost:8080", &base);
            let prepared = prepare(&request, &env).expect("fixtures prepare");
            let snippet = target.generate(&prepared, &Options::default());
            let file = work_dir.join(format!("{case}.{}", target.extension));
            std::fs::write(&file, &snippet.code).expect("write snippet");
            log.take();
            let mut command = (runner.command)(&file, &work_dir);
            let output = tokio::task::spawn_blocking(move || command.output())
                .await
                .expect("join")
                .unwrap_or_else(|e| panic!("cannot run the {} snippet: {e}", target.id));
            runs += 1;
            let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
            let mut problems = Vec::new();
            if !output.status.success() {
                problems.push(format!(
                    "exited with {}: {}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
            match log.take().as_slice() {
                [one] => problems.extend(differences(&prepared, one)),
                other => problems.push(format!("server saw {} requests", other.len())),
            }
            // At least two events, so a snippet that printed only the first piece would fail.
            if !BROWSER_TARGETS.contains(&target.id) && stdout.matches("data:").count() < 2 {
                problems.push("fewer than two server-sent events in the output".to_string());
            }
            let label = format!("{} / {case}", target.id);
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
    assert!(runs > 0, "no snippet ran");
    assert!(
        failures.is_empty(),
        "{} of {runs} streamed snippet runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
