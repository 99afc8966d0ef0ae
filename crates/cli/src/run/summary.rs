//! `reqlab run`'s cli reporter: a line per request as it is answered, its checks beneath, totals at the end.

use reqlab_core::run::{Report, StepResult};
use std::fmt::Write;

/// One request's lines.
pub fn step(step: &StepResult) -> String {
    let mark = if step.failed() { "✗" } else { "✓" };
    let mut out = format!(
        "{mark} [{}] {}  {} {}",
        step.iteration, step.path, step.method, step.url
    );
    if step.error.is_empty() {
        let _ = writeln!(
            out,
            "  → {} {}  {:.0} ms  {} B",
            step.status, step.status_text, step.elapsed_ms, step.size
        );
    } else {
        let _ = writeln!(out, "\n    ✗ {}", step.error);
    }
    for assertion in &step.assertions {
        match (assertion.passed, assertion.message.is_empty()) {
            (true, _) => {
                let _ = writeln!(out, "    ✓ {}", assertion.title());
            }
            (false, true) => {
                let _ = writeln!(
                    out,
                    "    ✗ {}  (actual: {})",
                    assertion.title(),
                    shortened(&assertion.actual)
                );
            }
            (false, false) => {
                let _ = writeln!(out, "    ✗ {}  ({})", assertion.title(), assertion.message);
            }
        }
    }
    for captured in &step.captured {
        if captured.succeeded() {
            let _ = writeln!(
                out,
                "    ← {} = {}",
                captured.name,
                shortened(&captured.value)
            );
        } else {
            let _ = writeln!(out, "    ✗ capture {}: {}", captured.name, captured.error);
        }
    }
    out
}

/// The closing totals.
pub fn totals(report: &Report) -> String {
    let t = report.totals();
    let failed_requests = report.steps.iter().filter(|s| s.failed()).count();
    let mut out = format!(
        "\n{} requests ({} failed, {} not answered), {} assertions ({} failed), {} captures failed",
        t.requests, failed_requests, t.errors, t.assertions, t.failed_assertions, t.failed_captures
    );
    if !report.stopped.is_empty() {
        let _ = write!(out, "; stopped early ({})", report.stopped);
    }
    out.push('\n');
    out
}

/// One line of at most 60 characters: a terminal line per check.
fn shortened(value: &str) -> String {
    let line = value.replace('\r', "").replace('\n', "⏎");
    reqlab_core::render::shorten::shortened(&line, 60)
}
