//! Snippet stage, executed with a streamed response: every runnable target's snippet for each fixture that
//! expects a stream (`PreparedRequest::expects_stream`, e.g. `POST /sse/chat` with `"stream": true`) runs
//! against a real reqlab-echo on loopback. The server must receive exactly the prepared request, and the
//! program's output must hold the server-sent events, and a target that reads streams
//! (`Target::reads_streams`) must print the first event well before the stream ends: the server spaces the
//! events out (`delay_ms`). Browser snippets end once they log the status (see the browser driver), so only
//! their request is checked. `REQLAB_TARGETS=id,id` runs only those targets.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::{compare::differences, recorder, runners, scratch};
use reqlab_core::snippet::{find_target, Options};
use reqlab_core::{prepare, Environment};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Targets whose output this test cannot see: a page's console ends the run at the first line.
const BROWSER_TARGETS: &[&str] = &["js-fetch", "js-xhr", "js-jquery"];

/// The gap the server leaves between events, and how long before the end the first must have been printed.
const EVENT_GAP_MS: u64 = 300;
const EARLY_ENOUGH: Duration = Duration::from_millis(EVENT_GAP_MS);

/// What a run printed, whether it succeeded, and how long before it ended the first event showed.
struct Run {
    success: String,
    stdout: String,
    first_event_lead: Option<Duration>,
}

/// Runs `command`, noting when each line of its output arrives.
fn run_timed(mut command: Command) -> std::io::Result<Run> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("piped");
    let mut first_event = None;
    let mut text = String::new();
    for line in BufReader::new(stdout).split(b'\n') {
        let line = String::from_utf8_lossy(&line?).into_owned();
        if first_event.is_none() && line.contains("data:") {
            first_event = Some(Instant::now());
        }
        text.push_str(&line);
        text.push('\n');
    }
    let output = child.wait_with_output()?;
    let ended = Instant::now();
    let success = if output.status.success() {
        String::new()
    } else {
        format!(
            "exited with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    };
    Ok(Run {
        success,
        stdout: text,
        first_event_lead: first_event.map(|at| ended - at),
    })
}

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
    // A client that sends one kind of request only (gql: GraphQL) has no stream to read.
    for runner in runners::all()
        .into_iter()
        .filter(|r| selected(r.target) && r.runs("stream"))
    {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        for (case, request) in &cases {
            let mut request = request.clone();
            request.url = format!(
                "{}?delay_ms={EVENT_GAP_MS}",
                request.url.replace("http://localhost:8080", &base)
            );
            let prepared = prepare(&request, &env).expect("fixtures prepare");
            let snippet = target.generate(&prepared, &Options::default());
            let name = format!("{case}.{}", target.extension);
            let command = runner.write_snippet(&snippet.code, &name, &work_dir);
            log.take();
            let run = tokio::task::spawn_blocking(move || run_timed(command))
                .await
                .expect("join")
                .unwrap_or_else(|e| panic!("cannot run the {} snippet: {e}", target.id));
            runs += 1;
            let stdout = run.stdout;
            let mut problems = Vec::new();
            if !run.success.is_empty() {
                problems.push(run.success);
            }
            match log.take().as_slice() {
                [one] => problems.extend(differences(&prepared, one)),
                other => problems.push(format!("server saw {} requests", other.len())),
            }
            // At least two events, so a snippet that printed only the first piece would fail.
            if !BROWSER_TARGETS.contains(&target.id) && stdout.matches("data:").count() < 2 {
                problems.push("fewer than two server-sent events in the output".to_string());
            }
            // The raw message's runner, not a client, reads the response: it has nothing to stream.
            let streams = target.reads_streams && !BROWSER_TARGETS.contains(&target.id);
            if streams && target.id != "http-raw" {
                match run.first_event_lead {
                    Some(lead) if lead >= EARLY_ENOUGH => {}
                    lead => problems.push(format!(
                        "the first event showed {lead:?} before the end: the response was not read as it arrived"
                    )),
                }
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
