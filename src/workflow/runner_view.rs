//! The runner in the app: a folder of the library's collections (or all of them) sent in order, N
//! iterations, each iteration's variables from a CSV or JSON data file, a delay between requests, stop on
//! the first failure or go on, cancel. A results table (request, status, time, tests, captured values),
//! each row opening its request and answer; JUnit XML and JSON exports. Core's `run::Runner` decides what
//! to send and checks what came back; the page's `net::send` sends, as for the editor's requests.

use super::markup::{cut, escape};
use super::{bridge, results_view};
use crate::dom::document::{by_id, listen, sleep, value};
use crate::dom::download;
use crate::library::store::COLLECTIONS;
use crate::page::net;
use crate::protocol::library::OPEN_EVENT;
use reqlab_core::import::CollectionItem;
use reqlab_core::library::collections::Collections;
use reqlab_core::run::{self, junit_xml, Exchange, Report, RunOptions, Runner, StepResult};
use reqlab_core::{PreparedAuth, Sender};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

crate::controls! {
    /// The runner dialog's ids, as `MARKUP` spells them.
    pub mod id {
        DIALOG = "runner",
        FOLDER = "run-folder",
        ITERATIONS = "run-iterations",
        DATA = "run-data",
        DATA_NOTE = "run-data-note",
        DELAY = "run-delay",
        BAIL = "run-bail",
        START = "run-start",
        CANCEL = "run-cancel",
        CLOSE = "run-close",
        STATUS = "run-status",
        RESULTS = "run-results",
        DETAIL = "run-detail",
        JUNIT = "run-junit",
        JSON = "run-json",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<dialog id="runner" class="runner" aria-labelledby="runner-title"><h2 id="runner-title">Run a collection</h2>"#,
    r#"<div class="runner-form"><label for="run-folder">Requests</label><select id="run-folder"></select>"#,
    r#"<label for="run-iterations">Iterations</label><input id="run-iterations" type="number" min="1" max="10000" placeholder="one per data row">"#,
    r#"<label for="run-data">Data file (CSV or JSON)</label><input id="run-data" type="file" accept=".csv,.json,text/csv,application/json">"#,
    r#"<p id="run-data-note" class="hint">No data file: every iteration uses the environment only.</p>"#,
    r#"<label for="run-delay">Delay between requests (ms)</label><input id="run-delay" type="number" min="0" value="0">"#,
    r#"<label class="radio"><input id="run-bail" type="checkbox"> Stop at the first failure</label></div>"#,
    r#"<p><button type="button" id="run-start">Run</button> <button type="button" id="run-cancel" disabled>Cancel</button> "#,
    r#"<button type="button" id="run-junit" disabled>Export JUnit XML</button> <button type="button" id="run-json" disabled>Export JSON</button> "#,
    r#"<button type="button" id="run-close">Close</button></p>"#,
    r#"<p id="run-status" class="hint" role="status"></p>"#,
    r#"<table class="run-results"><thead><tr><th scope="col">#</th><th scope="col">Iteration</th><th scope="col">Request</th>"#,
    r#"<th scope="col">Status</th><th scope="col">Time</th><th scope="col">Tests</th><th scope="col">Captured</th><th scope="col"></th></tr></thead>"#,
    r#"<tbody id="run-results"></tbody></table><section id="run-detail" class="run-detail" aria-label="Request and answer"></section></dialog>"#,
);

/// Answers kept for the detail view: the start of each body.
const KEPT_BODY_BYTES: usize = 64 * 1024;

#[derive(Default)]
struct Run {
    data: Vec<run::DataRow>,
    /// The latest run's report and, per step, the request sent and the answer (body cut).
    report: Option<Report>,
    sent: Vec<(serde_json::Value, Option<Exchange>)>,
    /// Set while a run goes: its abort switch.
    running: Option<web_sys::AbortController>,
}

thread_local! {
    static RUN: Rc<RefCell<Run>> = Rc::new(RefCell::new(Run::default()));
}

fn state() -> Rc<RefCell<Run>> {
    RUN.with(Rc::clone)
}

/// Opens the runner dialog (made on first use).
pub fn open() {
    if by_id(id::DIALOG).is_none() {
        let Some(body) = crate::dom::document::document().and_then(|d| d.body()) else {
            return;
        };
        let _ = body.insert_adjacent_html("beforeend", MARKUP);
        wire();
    }
    fill_folders();
    crate::dom::document::show_dialog(id::DIALOG);
    crate::dom::document::focus(id::FOLDER);
}

fn wire() {
    crate::dom::document::on(id::START, "click", |_| {
        wasm_bindgen_futures::spawn_local(start());
    });
    crate::dom::document::on(id::CANCEL, "click", |_| {
        if let Some(controller) = state().borrow_mut().running.take() {
            controller.abort();
        }
    });
    crate::dom::document::on(id::CLOSE, "click", |_| {
        crate::dom::document::close_dialog(id::DIALOG)
    });
    crate::dom::document::on(id::JUNIT, "click", |_| export(true));
    crate::dom::document::on(id::JSON, "click", |_| export(false));
    crate::dom::document::on(id::DATA, "change", |ev| {
        let Some(file) = crate::dom::document::take_chosen_file(&ev) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            let note = match run::read_data(&text) {
                Ok(rows) => {
                    let note = format!(
                        "{}: {} row{}, one iteration each.",
                        file.name(),
                        rows.len(),
                        if rows.len() == 1 { "" } else { "s" }
                    );
                    state().borrow_mut().data = rows;
                    note
                }
                Err(why) => {
                    state().borrow_mut().data.clear();
                    format!("{} cannot be used: {why}", file.name())
                }
            };
            crate::dom::document::set_text(id::DATA_NOTE, &note);
        });
    });
    if let Some(results) = by_id(id::RESULTS) {
        listen(&results, "click", |ev| {
            let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(target) = target else { return };
            let at = target
                .get_attribute("data-step")
                .and_then(|i| i.parse::<usize>().ok());
            match (at, target.get_attribute("data-act").as_deref()) {
                (Some(at), Some("open")) => open_in_editor(at),
                (Some(at), _) => detail(at),
                _ => {}
            }
        });
    }
}

/// The library's collections as it stores them (the bundle never writes them): their text, read once for
/// both readings a run needs.
fn stored_collections() -> String {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(COLLECTIONS).ok().flatten())
        .unwrap_or_default()
}

fn collections(text: &str) -> Collections {
    Collections::from_json(text).unwrap_or_default()
}

fn fill_folders() {
    let folders = collections(&stored_collections()).folders;
    let mut options = format!(
        r#"<option value="all">All saved requests ({})</option>"#,
        folders.iter().map(|f| f.requests.len()).sum::<usize>()
    );
    for (i, folder) in folders.iter().enumerate() {
        options.push_str(&format!(
            r#"<option value="{i}">{} ({} request{})</option>"#,
            escape(&folder.name),
            folder.requests.len(),
            if folder.requests.len() == 1 { "" } else { "s" }
        ));
    }
    if let Some(select) = by_id(id::FOLDER) {
        select.set_inner_html(&options);
    }
}

async fn start() {
    let run = state();
    if run.borrow().running.is_some() {
        return;
    }
    let stored = stored_collections();
    let collection = collections(&stored).to_collection("reqlab", &[]);
    let chosen = value(id::FOLDER);
    let folder_index = chosen.parse::<usize>().ok();
    let folder = folder_index
        .and_then(|i| collection.items.get(i))
        .and_then(|item| match item {
            CollectionItem::Folder { name, .. } => Some(name.clone()),
            CollectionItem::Request { .. } => None,
        });
    let plan = match run::plan(&collection, folder.as_deref()) {
        Ok(plan) if !plan.is_empty() => plan,
        Ok(_) => {
            return status("Nothing to run: save requests in the library's collections first.")
        }
        Err(why) => return status(&why),
    };
    // Each planned request's JSON as the library stored it, for "Open": handed to the page as it is, so the
    // bundle needs no writer for requests.
    let stored = stored_requests(&stored, folder_index);
    let Some(draft) = bridge::edited() else {
        return status("The editor has not announced its environments yet: try again in a moment.");
    };
    let variables = draft.variables.clone();
    let iterations = value(id::ITERATIONS)
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n > 0);
    let delay = value(id::DELAY).trim().parse::<i32>().unwrap_or(0).max(0);
    let bail = crate::dom::document::checked(id::BAIL);
    let data = run.borrow().data.clone();
    let mut runner = Runner::new(
        "reqlab",
        plan,
        Vec::new(),
        variables.active(),
        data,
        RunOptions {
            iterations,
            bail,
            unknown_as_written: false,
            sender: Sender::Browser,
        },
    );
    runner.started_at(now_rfc3339());
    let Ok(controller) = web_sys::AbortController::new() else {
        return;
    };
    let signal = controller.signal();
    {
        let mut run = run.borrow_mut();
        run.running = Some(controller);
        run.sent.clear();
        run.report = None;
    }
    buttons(true);
    if let Some(results) = by_id(id::RESULTS) {
        results.set_inner_html("");
    }
    let total = runner.planned();
    let mut dynamic = dynamic_values;
    let mut first = true;
    while let Some(step) = runner.next(&mut dynamic) {
        if signal.aborted() {
            runner.cancel();
            break;
        }
        if !first && delay > 0 {
            sleep(delay).await;
        }
        first = false;
        status(&format!(
            "Sending {} of at most {total}: {}",
            runner.report().steps.len() + 1,
            step.path
        ));
        let request = stored.get(step.index).cloned().unwrap_or_default();
        let outcome = match step.prepared.auth {
            PreparedAuth::Digest { .. } | PreparedAuth::AwsSigV4 { .. } | PreparedAuth::OAuth2 { .. } => Err(
                "Digest, AWS Signature and OAuth 2.0 are applied when the editor sends; the runner does not yet (reqlab run does)"
                    .to_string(),
            ),
            _ => net::send(&step.prepared, &signal, 16 * 1024 * 1024, &|_| {})
                .await
                .map(|r| Exchange {
                    status: r.status,
                    status_text: r.status_text.clone(),
                    headers: r.headers.clone(),
                    body: r.body.clone(),
                    elapsed_ms: r.elapsed_ms,
                })
                .map_err(|e| e.to_string()),
        };
        let kept = outcome.as_ref().ok().map(|e| Exchange {
            body: e.body[..e.body.len().min(KEPT_BODY_BYTES)].to_vec(),
            ..e.clone()
        });
        runner.record(outcome);
        run.borrow_mut().sent.push((request, kept));
        if let Some(last) = runner.report().steps.last() {
            append_row(runner.report().steps.len() - 1, last);
        }
        if signal.aborted() {
            runner.cancel();
        }
    }
    let environment = runner.environment().clone();
    let report = runner.into_report();
    status(&summary(&report));
    // What the run captured stays in the active environment, as a send's captures do.
    if report
        .steps
        .iter()
        .any(|s| s.captured.iter().any(|c| c.succeeded()))
    {
        let mut variables = variables;
        results_view::active_environment(&mut variables).variables = environment.variables;
        bridge::hand_over_variables(variables);
    }
    {
        let mut run = run.borrow_mut();
        run.report = Some(report);
        run.running = None;
    }
    buttons(false);
}

fn buttons(running: bool) {
    let set = |id: &str, disabled: bool| {
        if let Some(el) = by_id(id) {
            crate::dom::form::set_attribute_of(&el, "disabled", disabled.then_some(""));
        }
    };
    set(id::START, running);
    set(id::CANCEL, !running);
    set(id::JUNIT, running);
    set(id::JSON, running);
}

fn status(text: &str) {
    crate::dom::document::set_text(id::STATUS, text);
}

fn summary(report: &Report) -> String {
    let t = report.totals();
    let failed = report.steps.iter().filter(|s| s.failed()).count();
    let mut text = format!(
        "{} requests, {} failed ({} not answered); {} of {} tests passed.",
        t.requests,
        failed,
        t.errors,
        t.assertions - t.failed_assertions,
        t.assertions
    );
    match report.stopped.as_str() {
        "bail" => text.push_str(" Stopped at the first failure."),
        "cancelled" => text.push_str(" Cancelled."),
        _ => {}
    }
    text
}

fn append_row(at: usize, step: &StepResult) {
    let Some(results) = by_id(id::RESULTS) else {
        return;
    };
    let passed = step.assertions.iter().filter(|a| a.passed).count();
    let status = match (step.error.is_empty(), step.status) {
        (false, _) => format!(
            r#"<span class="fail">{}</span>"#,
            escape(&cut(&step.error, 80))
        ),
        (true, status) => format!("{status} {}", escape(&step.status_text)),
    };
    let captured: Vec<String> = step
        .captured
        .iter()
        .map(|c| match c.succeeded() {
            true => format!("{} = {}", escape(&c.name), escape(&cut(&c.value, 24))),
            false => format!(r#"<span class="fail">{} ✗</span>"#, escape(&c.name)),
        })
        .collect();
    let row = format!(
        concat!(
            r#"<tr class="{class}"><td>{n}</td><td>{iteration}</td><td>{method} {path}</td><td>{status}</td>"#,
            r#"<td>{ms} ms</td><td>{passed} / {total}</td><td>{captured}</td>"#,
            r#"<td><button type="button" data-step="{at}">Details</button> <button type="button" data-step="{at}" data-act="open">Open</button></td></tr>"#
        ),
        class = if step.failed() { "fail" } else { "pass" },
        n = at + 1,
        iteration = step.iteration,
        method = escape(&step.method),
        path = escape(&step.path),
        status = status,
        // Whole milliseconds: float formatting would weigh 4 KB in this bundle.
        ms = step.elapsed_ms.round() as u64,
        passed = passed,
        total = step.assertions.len(),
        captured = captured.join(", "),
        at = at,
    );
    let _ = results.insert_adjacent_html("beforeend", &row);
}

/// A step's request and answer, below the table.
fn detail(at: usize) {
    let run = state();
    let run = run.borrow();
    let (Some(report), Some(detail)) = (run.report.as_ref(), by_id(id::DETAIL)) else {
        return;
    };
    let (Some(step), Some((_, answer))) = (report.steps.get(at), run.sent.get(at)) else {
        return;
    };
    let mut html = format!(
        r#"<h3>{} {}</h3><p><code>{}</code></p>"#,
        escape(&step.method),
        escape(&step.path),
        escape(&step.url)
    );
    for a in &step.assertions {
        html.push_str(&format!(
            r#"<p class="{}">{} <code>{}</code>{}</p>"#,
            if a.passed { "pass" } else { "fail" },
            if a.passed { "✓" } else { "✗" },
            escape(&a.title()),
            if a.passed {
                String::new()
            } else {
                format!(
                    " — got <code>{}</code>{}",
                    escape(&a.actual),
                    escape(&a.message)
                )
            }
        ));
    }
    if let Some(answer) = answer {
        let headers: String = answer
            .headers
            .iter()
            .map(|(n, v)| format!("{n}: {v}\n"))
            .collect();
        html.push_str(&format!(
            r#"<pre class="run-answer">{} {}&#10;{}&#10;{}</pre>"#,
            answer.status,
            escape(&answer.status_text),
            escape(&headers),
            escape(&String::from_utf8_lossy(&answer.body))
        ));
    }
    detail.set_inner_html(&html);
}

/// Loads a step's request into the editor, as History does: a `ToPage::Open` written around the request's
/// stored JSON.
fn open_in_editor(at: usize) {
    let request = state().borrow().sent.get(at).map(|(r, _)| r.clone());
    let Some(request) = request else { return };
    let message = serde_json::json!({
        "kind": "open",
        "summary": "Opened a request of the run, as it is saved.",
        "request": request,
        "environment": null,
        "file_texts": [],
        "saved": null,
        "warnings": [],
    });
    if let Ok(text) = serde_json::to_string(&message) {
        crate::dom::bridge::hand_over(&text, OPEN_EVENT);
    }
    crate::dom::document::close_dialog(id::DIALOG);
}

/// The requests of the library's folder `folder` (all folders when `None`), in order, as stored JSON.
fn stored_requests(text: &str, folder: Option<usize>) -> Vec<serde_json::Value> {
    let stored: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let folders = stored["data"]["folders"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    folders
        .iter()
        .enumerate()
        .filter(|(i, _)| folder.is_none_or(|f| f == *i))
        .flat_map(|(_, f)| f["requests"].as_array().cloned().unwrap_or_default())
        .map(|saved| saved["request"].clone())
        .collect()
}

fn export(junit: bool) {
    let run = state();
    let run = run.borrow();
    let Some(report) = run.report.as_ref() else {
        return;
    };
    match junit {
        true => download(
            junit_xml(report).as_bytes(),
            "application/xml",
            "reqlab-run.junit.xml",
        ),
        false => download(
            report.to_json().as_bytes(),
            "application/json",
            "reqlab-run.json",
        ),
    }
}

fn now_rfc3339() -> String {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    reqlab_core::auth::time::UtcTime::from_unix_seconds(seconds)
        .map(|t| t.rfc3339())
        .unwrap_or_default()
}

/// `{{$guid}}`, `{{$timestamp}}` and the other dynamic variables.
fn dynamic_values(name: &str) -> Option<String> {
    super::dynamic::value(name)
}
