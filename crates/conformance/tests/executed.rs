//! Snippet stage, executed: every runnable target's snippet for every fixture runs in its real interpreter
//! against a real reqlab-echo on loopback, and what the server received must equal the PreparedRequest.
//! Prints a table target x fixture; a declared unsupported case must really differ, or it is stale.
//! `REQLAB_TARGETS=id,id` runs only those targets, `REQLAB_CASES=case,case` only those fixtures (while
//! working on one). A target whose client sends one kind of request runs only the fixtures of that kind
//! (`runners::Runner::runs`), `-` in the table.

#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::{compare::differences, recorder, runners, scratch};
use reqlab_core::snippet::{find_target, Options, TARGETS};
use reqlab_core::{prepare, Auth, Environment};

#[test]
fn every_runnable_target_has_a_runner_and_every_runner_a_target() {
    let runners = runners::all();
    for target in TARGETS.iter().filter(|t| t.runnable_here) {
        assert!(
            runners.iter().any(|r| r.target == target.id),
            "{} is marked runnable here but has no runner",
            target.id
        );
    }
    for runner in &runners {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            target.runnable_here,
            "{} has a runner but is not marked runnable",
            target.id
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runnable_snippets_send_exactly_the_prepared_request() {
    let (base, log) = recorder::start().await;
    // Snippets refer to uploaded files by name, relative to where they run.
    let work_dir = scratch::with_files(&fixtures::files_dir(), "snippets");
    // A WebSocket fixture opens a socket rather than sending a request: tests/websocket.rs runs those.
    let cases: Vec<_> = fixtures::fixture_requests()
        .into_iter()
        .filter(|(_, request)| !request.url.starts_with("ws"))
        // An AWS-signed or OAuth request carries more than the prepared one (a signature, a placeholder
        // token): tests/send_time_auth.rs checks what those deliver.
        .filter(|(_, request)| !matches!(request.auth, Auth::AwsSigV4 { .. } | Auth::OAuth2 { .. }))
        .filter(|(case, _)| selected("REQLAB_CASES", case))
        .collect();
    let mut failures = Vec::new();
    let mut table = Vec::new();
    let mut runs = 0;
    for runner in runners::all()
        .into_iter()
        .filter(|r| selected("REQLAB_TARGETS", r.target))
    {
        let target = find_target(runner.target).unwrap_or_else(|e| panic!("{e}"));
        let mut row = Vec::new();
        for (case, request) in &cases {
            if !runner.runs(case) {
                row.push("-");
                continue;
            }
            let mut request = request.clone();
            request.url = request.url.replace("http://localhost:8080", &base);
            let prepared = prepare(&request, &Environment::default()).expect("fixtures prepare");
            let snippet = target.generate(&prepared, &Options::default());
            let name = format!("{case}.{}", target.extension);
            let command = runner.write_snippet(&snippet.code, &name, &work_dir);
            log.take();
            let output = runners::output(command)
                .await
                .unwrap_or_else(|e| panic!("cannot run the {} snippet: {e}", target.id));
            runs += 1;
            let declared = runner
                .unsupported
                .iter()
                .find(|(c, _)| c == case)
                .map(|(_, why)| *why);
            let label = format!("{} / {case}", target.id);
            let problems: Vec<String> = if !output.status.success() {
                vec![format!(
                    "exited with {}: {}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                )]
            } else {
                match log.take().as_slice() {
                    [one] => differences(&prepared, one),
                    other => vec![format!("server saw {} requests", other.len())],
                }
            };
            match (declared, problems.is_empty()) {
                (None, true) => row.push("passed"),
                (Some(_), false) => row.push("unsupported"),
                (None, false) => {
                    row.push("FAILED");
                    failures.push(format!("{label}:\n  {}", problems.join("\n  ")));
                }
                (Some(why), true) => {
                    row.push("FAILED");
                    failures.push(format!(
                        "{label}: declared unsupported ({why}) but sent exactly"
                    ));
                }
            }
        }
        table.push((target.id, row));
    }
    std::fs::remove_dir_all(&work_dir).ok();
    print_table(
        &cases.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        &table,
    );
    assert!(runs > 0, "no snippet ran");
    assert!(
        failures.is_empty(),
        "{} of {runs} snippet runs did not send the prepared request:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn print_table(cases: &[&str], table: &[(&str, Vec<&str>)]) {
    println!(
        "{:<32} {}",
        "fixture",
        table
            .iter()
            .map(|(id, _)| format!("{id:<22}"))
            .collect::<String>()
    );
    for (i, case) in cases.iter().enumerate() {
        let cells: String = table
            .iter()
            .map(|(_, row)| format!("{:<22}", row[i]))
            .collect();
        println!("{case:<32} {cells}");
    }
}

/// Whether the list in the environment variable `list` (`a,b`) names `name`; no list names everything.
fn selected(list: &str, name: &str) -> bool {
    let only = std::env::var(list).unwrap_or_default();
    only.is_empty() || only.split(',').any(|t| t.trim() == name)
}
