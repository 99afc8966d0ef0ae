//! The JUnit XML reporter: what CI servers (Jenkins, GitLab, GitHub's test reporters) read.
//!
//! One `<testsuite>` per request of each iteration, one `<testcase>` per assertion and per capture (a
//! request without either gets one `sent` case), so a CI page lists each check by name; a request that was
//! not answered is an `<error>`, a failed check a `<failure>`. Valid against Jenkins' JUnit schema
//! (`junit-10.xsd`, kept as a test fixture).

use super::report::{Report, StepResult};
use std::fmt::Write;

/// The report as a JUnit XML document.
pub fn junit_xml(report: &Report) -> String {
    let totals = report.totals();
    let failures = report.steps.iter().map(failures).sum::<usize>();
    let time: f64 = report.steps.iter().map(|s| s.elapsed_ms).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\" time=\"{}\">",
        attr(&report.collection),
        report.steps.iter().map(cases).sum::<usize>(),
        totals.errors,
        seconds(time),
    );
    for (id, step) in report.steps.iter().enumerate() {
        suite(&mut out, report, id, step);
    }
    out.push_str("</testsuites>\n");
    out
}

fn suite(out: &mut String, report: &Report, id: usize, step: &StepResult) {
    let name = match report.iterations {
        1 => step.path.clone(),
        _ => format!("{} (iteration {})", step.path, step.iteration),
    };
    let classname = attr(&format!(
        "{}.{}",
        report.collection,
        step.path.replace('/', ".")
    ));
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" id=\"{id}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{}\" timestamp=\"{}\">",
        attr(&name),
        cases(step),
        failures(step),
        usize::from(!step.error.is_empty()),
        seconds(step.elapsed_ms),
        // JUnit's timestamps are ISO 8601 without a zone (Ant's format); reports are written in UTC.
        attr(report.started_at.trim_end_matches('Z')),
    );
    let _ = writeln!(
        out,
        "    <properties>\n      <property name=\"request\" value=\"{} {}\"/>\n      <property name=\"status\" value=\"{}\"/>\n    </properties>",
        attr(&step.method),
        attr(&step.url),
        step.status
    );
    let time = seconds(step.elapsed_ms);
    if !step.error.is_empty() {
        let _ = writeln!(
            out,
            "    <testcase name=\"sent\" classname=\"{classname}\" time=\"{time}\">\n      <error type=\"NotSent\" message=\"{}\">{}</error>\n    </testcase>",
            attr(&step.error),
            text(&step.error)
        );
    } else if step.assertions.is_empty() && step.captured.is_empty() {
        let _ = writeln!(
            out,
            "    <testcase name=\"sent\" classname=\"{classname}\" time=\"{time}\"/>"
        );
    }
    for assertion in &step.assertions {
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"{classname}\" time=\"{time}\"",
            attr(&assertion.title())
        );
        if assertion.passed {
            out.push_str("/>\n");
        } else {
            let message = match assertion.message.is_empty() {
                true => format!(
                    "expected {} {}, got {}",
                    assertion.operator.replace('_', " "),
                    assertion.expected,
                    assertion.actual
                ),
                false => assertion.message.clone(),
            };
            let _ = writeln!(
                out,
                ">\n      <failure type=\"AssertionFailure\" message=\"{}\">{}</failure>\n    </testcase>",
                attr(&message),
                text(&format!("{}\nactual: {}", assertion.title(), assertion.actual))
            );
        }
    }
    for captured in &step.captured {
        let _ = write!(
            out,
            "    <testcase name=\"capture {}\" classname=\"{classname}\" time=\"{time}\"",
            attr(&captured.name)
        );
        if captured.succeeded() {
            out.push_str("/>\n");
        } else {
            let _ = writeln!(
                out,
                ">\n      <failure type=\"CaptureFailure\" message=\"{}\"/>\n    </testcase>",
                attr(&captured.error)
            );
        }
    }
    out.push_str("  </testsuite>\n");
}

fn cases(step: &StepResult) -> usize {
    let checks = step.assertions.len() + step.captured.len();
    match (step.error.is_empty(), checks) {
        (false, _) => 1 + checks,
        (true, 0) => 1,
        (true, n) => n,
    }
}

fn failures(step: &StepResult) -> usize {
    step.assertions.iter().filter(|a| !a.passed).count()
        + step.captured.iter().filter(|c| !c.succeeded()).count()
}

/// Seconds with millisecond precision, the form JUnit's `time` takes. Written with whole numbers: float
/// formatting would add 4 KB to the app's workflow bundle.
fn seconds(ms: f64) -> String {
    let ms = ms.max(0.0).round() as u64;
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

fn attr(value: &str) -> String {
    escape(value, true)
}

fn text(value: &str) -> String {
    escape(value, false)
}

/// XML 1.0 escaping; characters XML cannot carry at all (most C0 controls) become U+FFFD, so a body with
/// a NUL byte cannot make the report unreadable.
fn escape(value: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // Attribute values have their white space normalised by readers: kept as references.
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
