//! The answer's checks, shown above the response: each assertion passed or failed (with the value the answer
//! had), each captured value; captured values go into the active environment at once.

use super::bridge::{self, Latest};
use super::markup::{cut, escape};
use reqlab_core::check::{apply_captures, evaluate, Answer, Checked};
use reqlab_core::{Environment, Variables};

/// The element the page keeps for this bundle in the response panel (`response_viewer`).
pub const WORK: &str = "answer-work";
/// The environment captured values go to when none is active.
const CAPTURED_ENVIRONMENT: &str = "Captured values";

/// Checks the latest answer, shows the verdicts, and sets what it captured in the environment.
pub fn show(latest: &Latest) -> Option<Checked> {
    let part = part()?;
    let Some(checked) = check(latest) else {
        part.set_inner_html("");
        return None;
    };
    let into = capture(&checked);
    part.set_inner_html(&markup(&checked, into.as_deref()));
    Some(checked)
}

/// The latest answer's checks, evaluated; `None` when it has none (or no answer came).
pub fn check(latest: &Latest) -> Option<Checked> {
    let draft = latest.draft.as_ref()?;
    let checks = &draft.request.checks;
    if latest.status == 0 || !checks.iter().any(|c| c.enabled) {
        return None;
    }
    let answer = Answer {
        status: latest.status,
        headers: &latest.headers,
        body: &latest.body,
        elapsed_ms: latest.elapsed_ms,
    };
    Some(evaluate(checks, answer, &draft.variables.active()))
}

/// The verdict in a few words, as History keeps it: "2 of 3 tests passed" (and the values not captured).
pub fn verdict(checked: &Checked) -> String {
    let passed = checked.assertions.iter().filter(|a| a.passed).count();
    let mut verdict = format!("{passed} of {} tests passed", checked.assertions.len());
    let missed = checked.captured.iter().filter(|c| !c.succeeded()).count();
    if missed > 0 {
        verdict.push_str(&format!(", {missed} not captured"));
    }
    verdict
}

/// Empties the verdicts (a new send started).
pub fn clear() {
    if let Some(part) = part() {
        part.set_inner_html("");
    }
}

fn part() -> Option<web_sys::Element> {
    let work = crate::dom::document::by_id(WORK)?;
    if let Some(part) = work.query_selector(".checks-results").ok().flatten() {
        return Some(part);
    }
    let part = crate::dom::document::element("section", "")?;
    let _ = part.set_attribute("class", "checks-results");
    let _ = part.set_attribute("aria-label", "Tests");
    let _ = work.prepend_with_node_1(&part);
    Some(part)
}

/// Sets the captured values in the editor's active environment (one is made when none is active);
/// returns its name, when anything was set.
fn capture(checked: &Checked) -> Option<String> {
    if !checked.captured.iter().any(|c| c.succeeded()) {
        return None;
    }
    let mut variables: Variables = bridge::edited()?.variables;
    let env = active_environment(&mut variables);
    apply_captures(&checked.captured, env);
    let name = env.name.clone();
    bridge::hand_over_variables(variables);
    Some(name)
}

/// The environment captured values go to: the active one, or one made (and made active) when none is.
pub fn active_environment(variables: &mut Variables) -> &mut Environment {
    let index = match variables
        .active
        .filter(|i| *i < variables.environments.len())
    {
        Some(i) => i,
        None => {
            variables.environments.push(Environment {
                name: CAPTURED_ENVIRONMENT.to_string(),
                variables: Vec::new(),
            });
            variables.environments.len() - 1
        }
    };
    variables.active = Some(index);
    &mut variables.environments[index]
}

fn markup(checked: &Checked, into: Option<&str>) -> String {
    let passed = checked.assertions.iter().filter(|a| a.passed).count();
    let total = checked.assertions.len();
    let failed_captures = checked.captured.iter().filter(|c| !c.succeeded()).count();
    let all_good = passed == total && failed_captures == 0;
    let mut out = format!(
        r#"<h3 class="{}">Tests: {passed} of {total} passed{}</h3><ul class="check-list">"#,
        if all_good {
            "checks-pass"
        } else {
            "checks-fail"
        },
        match failed_captures {
            0 => String::new(),
            n => format!(", {n} value{} not captured", if n == 1 { "" } else { "s" }),
        }
    );
    for a in &checked.assertions {
        let detail = match (a.passed, a.message.is_empty()) {
            (true, _) => String::new(),
            (false, true) => format!(" — got <code>{}</code>", escape(&cut(&a.actual, 120))),
            (false, false) => format!(" — {}", escape(&a.message)),
        };
        out.push_str(&format!(
            r#"<li class="{}"><span class="mark" aria-hidden="true">{}</span><span class="visually-hidden">{}</span> <code>{}</code>{}</li>"#,
            if a.passed { "pass" } else { "fail" },
            if a.passed { "✓" } else { "✗" },
            if a.passed { "Passed:" } else { "Failed:" },
            escape(&a.title()),
            detail
        ));
    }
    for c in &checked.captured {
        let line = match c.succeeded() {
            true => format!(
                r#"<li class="pass"><span class="mark" aria-hidden="true">←</span> <code>{{{{{}}}}}</code> = <code>{}</code></li>"#,
                escape(&c.name),
                escape(&cut(&c.value, 120))
            ),
            false => format!(
                r#"<li class="fail"><span class="mark" aria-hidden="true">✗</span><span class="visually-hidden">Failed:</span> <code>{{{{{}}}}}</code> not captured — {}</li>"#,
                escape(&c.name),
                escape(&c.error)
            ),
        };
        out.push_str(&line);
    }
    out.push_str("</ul>");
    if let Some(env) = into {
        out.push_str(&format!(
            r#"<p class="hint">Captured values set in the environment “{}”.</p>"#,
            escape(env)
        ));
    }
    out
}
