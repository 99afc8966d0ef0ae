//! Snippet stage, executed against injection: requests whose headers, bodies, form fields, auth values and
//! file name carry command-injection canaries (`$(touch FILE)`, `';touch FILE;'`, backticks, and the cmd,
//! PowerShell, Python and JavaScript equivalents) are turned into snippets for every runnable target
//! registered, each snippet runs against a real reqlab-echo, and no canary file may exist afterwards.
//! `REQLAB_TARGETS=id,id` runs only those targets.

use reqlab_conformance::{recorder, runners};
use reqlab_core::snippet::{find_target, Options, Target};
use reqlab_core::{prepare, Environment, Request};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The relative name the file-name canary would create in the snippet's working directory.
const LOCAL_CANARY: &str = "canary-file";

/// Every way we know of to run `touch path` from inside a value, in the languages snippets are written in.
fn payloads(path: &str) -> Vec<String> {
    [
        "$(touch FILE)",
        "';touch FILE;'",
        "`touch FILE`",
        "\";touch FILE;\"",
        "\\\";touch FILE;#",
        "'$(touch FILE)'\"$(touch FILE)\"",
        // cmd.exe and PowerShell
        "\" & type nul > FILE & \"",
        "^\" & type nul > FILE & ^\"",
        "%COMSPEC% /c type nul > FILE",
        "$(New-Item -Path FILE)",
        "'; New-Item -Path FILE; '",
        // Python, JavaScript, PHP, Ruby: closing the literal, or interpolating inside it
        "\" + __import__(\"os\").system(\"touch FILE\") + \"",
        "' + __import__('os').system('touch FILE') + '",
        "${require(\"fs\").writeFileSync(\"FILE\", \"\")}",
        "`+require('fs').writeFileSync('FILE','')+`",
        "{$x}{${system('touch FILE')}}",
        "#{`touch FILE`}",
        "\\x22; touch FILE; \\x22",
    ]
    .iter()
    .map(|p| p.replace("FILE", path))
    .collect()
}

/// The canary requests for one target: headers and a raw body; form fields and a bearer token; multipart text
/// parts, a hostile file name, an API key in the query and a Basic password.
fn requests(base: &str, canary: &str, file_name: &str) -> Vec<(&'static str, Request)> {
    let payloads = payloads(canary);
    let headers: Vec<_> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| json!({"key": format!("X-Canary-{i}"), "value": p}))
        .collect();
    let fields: Vec<_> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| json!({"key": format!("f{i}"), "value": p}))
        .collect();
    let mut parts: Vec<_> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| json!({"name": format!("p{i}"), "kind": "text", "value": p}))
        .collect();
    parts.push(json!({"name": "upload", "kind": "file", "file": {"name": file_name, "content_type": "text/plain"}}));
    let cases = [
        (
            "canary_headers_and_text",
            json!({
                "method": "POST", "url": format!("{base}/anything"), "headers": headers,
                "body": {"mode": "raw", "language": "text", "text": payloads.join("\n")},
            }),
        ),
        (
            "canary_form_and_bearer",
            json!({
                "method": "PUT", "url": format!("{base}/anything"),
                "auth": {"kind": "bearer", "token": payloads[1]},
                "body": {"mode": "url_encoded", "fields": fields},
            }),
        ),
        (
            "canary_multipart_and_basic",
            json!({
                "method": "POST", "url": format!("{base}/anything"),
                "auth": {"kind": "basic", "username": "user", "password": payloads.join(" ")},
                "body": {"mode": "multipart", "parts": parts},
            }),
        ),
        (
            "canary_api_key_query",
            json!({
                "method": "GET", "url": format!("{base}/anything?q={}", payloads[0]),
                "auth": {"kind": "api_key", "name": payloads[2], "value": payloads[3], "location": "query"},
            }),
        ),
    ];
    cases
        .into_iter()
        .map(|(case, value)| {
            let mut request: Request = serde_json::from_value(value).expect("canary request");
            if let reqlab_core::Body::Multipart { parts } = &mut request.body {
                for part in parts {
                    if let reqlab_core::PartValue::File { file: Some(file) } = &mut part.value {
                        file.data = Some(b"canary upload\n".to_vec().into());
                    }
                }
            }
            (case, request)
        })
        .collect()
}

/// What one target's runs left behind: the canary files that exist, and runs that did not exit cleanly.
struct Outcome {
    target: &'static str,
    created: Vec<PathBuf>,
    failed_runs: Vec<String>,
}

fn run_target(runner: &runners::Runner, target: &Target, base: &str, root: &Path) -> Outcome {
    let dir = root.join(target.id);
    let canary = root.join(format!("canary-{}", target.id));
    std::fs::create_dir_all(&dir).expect("work dir");
    let file_name =
        format!("a$(touch {LOCAL_CANARY})';touch {LOCAL_CANARY};'`touch {LOCAL_CANARY}`.txt");
    std::fs::write(dir.join(&file_name), "canary upload\n").expect("hostile file name");
    let mut failed_runs = Vec::new();
    for (case, request) in requests(base, &canary.display().to_string(), &file_name) {
        let prepared = prepare(&request, &Environment::default())
            .unwrap_or_else(|e| panic!("canary request {case} must prepare: {e}"));
        let snippet = target.generate(&prepared, &Options::default());
        let file = dir.join(format!("{case}.{}", target.extension));
        std::fs::write(&file, &snippet.code).expect("write snippet");
        match (runner.command)(&file, &dir).output() {
            Ok(output) if output.status.success() => {}
            Ok(output) => failed_runs.push(format!(
                "{case}: exited with {}: {}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or_default()
            )),
            Err(e) => failed_runs.push(format!("{case}: cannot run: {e}")),
        }
    }
    let created = [canary, dir.join(LOCAL_CANARY)]
        .into_iter()
        .filter(|p| p.exists())
        .collect();
    Outcome {
        target: target.id,
        created,
        failed_runs,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_snippet_executes_a_canary() {
    let (base, log) = recorder::start().await;
    let root = std::env::temp_dir().join(format!("reqlab-canary-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("temp dir");
    let only = std::env::var("REQLAB_TARGETS").unwrap_or_default();
    let selected = |id: &str| only.is_empty() || only.split(',').any(|t| t.trim() == id);
    let runners: Vec<(runners::Runner, &'static Target)> = runners::all()
        .into_iter()
        .filter(|r| selected(r.target))
        .filter_map(|r| {
            let target = find_target(r.target).ok()?;
            target.runnable_here.then_some((r, target))
        })
        .collect();
    assert!(!runners.is_empty(), "no runnable target selected");
    let work_root = root.clone();
    // Targets run three at a time (compiling ones take seconds); each has its own directory and canary.
    let outcomes = tokio::task::spawn_blocking(move || {
        let mut outcomes = Vec::new();
        for chunk in runners.chunks(3) {
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|(runner, target)| {
                        let (base, root) = (&base, &work_root);
                        scope.spawn(move || run_target(runner, target, base, root))
                    })
                    .collect();
                outcomes.extend(
                    handles
                        .into_iter()
                        .map(|h| h.join().expect("runner thread")),
                );
            });
        }
        outcomes
    })
    .await
    .expect("join");
    let requests_seen = log.take().len();
    std::fs::remove_dir_all(&root).ok();

    println!(
        "{:<24} {:<10} runs that did not exit cleanly",
        "target", "canary"
    );
    for outcome in &outcomes {
        println!(
            "{:<24} {:<10} {}",
            outcome.target,
            if outcome.created.is_empty() {
                "safe"
            } else {
                "EXECUTED"
            },
            outcome.failed_runs.join(" | ")
        );
    }
    println!("{requests_seen} requests reached reqlab-echo");
    let executed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.created.is_empty())
        .map(|o| format!("{}: created {:?}", o.target, o.created))
        .collect();
    assert!(
        executed.is_empty(),
        "snippets executed injected commands:\n{}",
        executed.join("\n")
    );
    assert!(requests_seen > 0, "no snippet reached the server");
}
