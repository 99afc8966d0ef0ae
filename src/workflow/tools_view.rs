//! The answer's tools, under "Filter & compare": a JSONPath filter over the body (each result with its
//! normalized path) and a diff of this answer against another: the tab's previous answer or a History entry
//! (History keeps no headers, so headers are compared with the previous answer only).

use super::answers::{self, Kept};
use super::markup::{cut, escape};
use super::results_view::WORK;
use crate::dom::document::{by_id, listen, value};
use crate::dom::form::set_hidden_element;
use reqlab_core::compare::{
    compare, BodyComparison, CompareOptions, Comparison, HeaderChangeKind, JsonChangeKind, RowKind,
    Side, VOLATILE_HEADERS,
};
use reqlab_core::query::JsonPath;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

crate::controls! {
    /// The tools' ids, as `MARKUP` spells them.
    pub mod id {
        PANEL = "answer-tools-panel",
        FILTER = "jsonpath-filter",
        FILTER_RESULT = "jsonpath-result",
        AGAINST = "compare-against",
        COMPARE = "compare-run",
        DIFF = "compare-result",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<section id="answer-tools-panel" class="answer-tools" aria-label="Filter and compare">"#,
    r#"<label for="jsonpath-filter" class="field-label">Filter the body with JSONPath (RFC 9535)</label>"#,
    r#"<input id="jsonpath-filter" spellcheck="false" placeholder="$.items[?@.price &lt; 10].name">"#,
    r#"<div id="jsonpath-result" class="jsonpath-result" aria-live="polite"></div>"#,
    r#"<div class="compare-bar"><label for="compare-against">Compare this answer with</label>"#,
    r#"<select id="compare-against"></select><button type="button" id="compare-run">Compare</button></div>"#,
    r#"<div id="compare-result" class="compare-result" aria-live="polite"></div></section>"#,
);

/// Why the tools have no body to work on: the page keeps a copy only up to 16 MiB (index.html).
const TOO_LARGE: &str =
    "The body is over 16 MiB: the filter and the diff work on bodies up to 16 MiB.";
/// Results shown at most: a filter over a huge array stays quick to draw.
const MAX_RESULTS: usize = 200;
/// Diff rows drawn at most; the count of the rest is said.
const MAX_ROWS: usize = 400;

thread_local! {
    /// Whether the tools are open: they stay open across answers, each answer's panel being new.
    static OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The filter's query, kept for the next answer's panel.
    static QUERY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Shows or hides the tools (the button toggles them), filling them for the latest answer.
pub fn toggle() {
    let open = !(OPEN.with(|o| o.get()) && by_id(id::PANEL).is_some());
    OPEN.with(|o| o.set(open));
    match by_id(id::PANEL) {
        Some(panel) => set_hidden_element(&panel, !open),
        None => {
            put();
        }
    }
    expanded(open);
    if !open {
        return;
    }
    refresh();
    if let Some(filter) = by_id(id::FILTER).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = filter.focus();
    }
}

/// Puts the tools in the answer's panel, the filter's query as it was.
fn put() -> Option<Element> {
    let work = by_id(WORK)?;
    let _ = work.insert_adjacent_html("beforeend", MARKUP);
    let panel = by_id(id::PANEL)?;
    wire(&panel);
    if let Some(filter) = by_id(id::FILTER).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        filter.set_value(&QUERY.with(|q| q.borrow().clone()));
    }
    Some(panel)
}

fn expanded(open: bool) {
    if let Some(button) = by_id("answer-tools") {
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
}

fn wire(panel: &Element) {
    listen(panel, "input", |ev| {
        let is_filter = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.id() == id::FILTER);
        if is_filter {
            filter();
        }
    });
    listen(panel, "click", |ev| {
        let is_compare = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.id() == id::COMPARE);
        if is_compare {
            run_compare();
        }
    });
}

/// A new answer arrived: the filter runs on it, the choices of what to compare with follow.
pub fn refresh() {
    if !OPEN.with(|o| o.get()) {
        return;
    }
    if by_id(id::PANEL).is_none() && put().is_none() {
        return;
    }
    expanded(true);
    filter();
    if let Some(select) = by_id(id::AGAINST) {
        let choices: String = answers::choices()
            .iter()
            .enumerate()
            .map(|(i, label)| format!(r#"<option value="{i}">{}</option>"#, escape(label)))
            .collect();
        select.set_inner_html(&choices);
    }
    if let Some(result) = by_id(id::DIFF) {
        result.set_inner_html("");
    }
}

fn filter() {
    let Some(out) = by_id(id::FILTER_RESULT) else {
        return;
    };
    let query = value(id::FILTER);
    QUERY.with(|q| *q.borrow_mut() = query.clone());
    let html = match filtered(query.trim()) {
        Ok(html) => html,
        Err(problem) => format!(r#"<p class="problem">{}</p>"#, escape(&problem)),
    };
    out.set_inner_html(&html);
}

fn filtered(query: &str) -> Result<String, String> {
    if query.is_empty() {
        return Ok(String::new());
    }
    let path = JsonPath::parse(query).map_err(|e| format!("Not a JSONPath query: {e}"))?;
    let current = answers::current().ok_or("No answer to filter yet.")?;
    if !current.body_kept {
        return Err(
            "The body is over 16 MiB: the filter and the diff work on bodies up to 16 MiB.".into(),
        );
    }
    let body: serde_json::Value = serde_json::from_slice(&current.body)
        .map_err(|e| format!("The body is not JSON ({e}): JSONPath filters JSON bodies."))?;
    let nodes = path.select(&body);
    let mut out = format!(
        r#"<p class="hint">{} result{}</p><ol class="jsonpath-nodes">"#,
        nodes.len(),
        if nodes.len() == 1 { "" } else { "s" }
    );
    for node in nodes.iter().take(MAX_RESULTS) {
        // Indented by core's JSON formatter, which the bundle has anyway (serde's pretty writer would be a
        // second writer in it).
        let compact = serde_json::to_string(node.value).unwrap_or_default();
        let pretty = reqlab_core::render::json::format(&compact, 2).unwrap_or(compact);
        out.push_str(&format!(
            r#"<li><code class="node-path">{}</code><pre>{}</pre></li>"#,
            escape(&node.path),
            escape(&cut(&pretty, 20_000))
        ));
    }
    out.push_str("</ol>");
    if nodes.len() > MAX_RESULTS {
        out.push_str(&format!(
            r#"<p class="hint">The first {MAX_RESULTS} are shown; narrow the query for the others.</p>"#
        ));
    }
    Ok(out)
}

fn run_compare() {
    let Some(out) = by_id(id::DIFF) else {
        return;
    };
    let chosen = value(id::AGAINST).parse::<usize>().ok();
    let current = answers::current();
    if current.as_ref().is_some_and(|c| !c.body_kept) {
        out.set_inner_html(&format!(r#"<p class="problem">{TOO_LARGE}</p>"#));
        return;
    }
    let (Some(current), Some(other)) = (current, chosen.and_then(answers::choice)) else {
        out.set_inner_html(
            r#"<p class="hint">Nothing to compare with yet: send again, or send from History.</p>"#,
        );
        return;
    };
    let side = |kept: &'_ Kept| -> (u16, Vec<(String, String)>, String) {
        (kept.status, kept.headers.clone(), kept.content_type())
    };
    let (ls, lh, lt) = side(&other);
    let (rs, rh, rt) = side(&current);
    // History keeps no headers: compared only when both sides have theirs.
    let (lh, rh) = match other.headers_known {
        true => (lh, rh),
        false => (Vec::new(), Vec::new()),
    };
    let comparison = compare(
        &Side {
            status: ls,
            headers: &lh,
            body: &other.body,
            content_type: &lt,
        },
        &Side {
            status: rs,
            headers: &rh,
            body: &current.body,
            content_type: &rt,
        },
        &CompareOptions {
            ignore_headers: VOLATILE_HEADERS,
            ..CompareOptions::default()
        },
    );
    out.set_inner_html(&diff_markup(&comparison, &other, !other.headers_known));
}

fn diff_markup(c: &Comparison, other: &Kept, no_headers: bool) -> String {
    let mut out = format!(
        r#"<p class="compare-summary"><strong>{}</strong> (left: {}, right: this answer)</p>"#,
        escape(&c.summary()),
        escape(&other.label)
    );
    if no_headers {
        out.push_str(r#"<p class="hint">History keeps no headers: only the status and the body are compared.</p>"#);
    }
    if let Some((left, right)) = c.status {
        out.push_str(&format!(
            r#"<p>Status <del>{left}</del> → <ins>{right}</ins></p>"#
        ));
    }
    let headers: Vec<_> = c.headers.iter().filter(|h| !h.ignored).collect();
    if !headers.is_empty() {
        out.push_str(r#"<h4>Headers</h4><ul class="diff-list">"#);
        for h in headers {
            let (mark, text) = match &h.kind {
                HeaderChangeKind::Added { value } => ("+", format!("<ins>{}</ins>", escape(value))),
                HeaderChangeKind::Removed { value } => {
                    ("−", format!("<del>{}</del>", escape(value)))
                }
                HeaderChangeKind::Changed { left, right } => (
                    "~",
                    format!("<del>{}</del> → <ins>{}</ins>", escape(left), escape(right)),
                ),
            };
            out.push_str(&format!(
                r#"<li><span class="mark" aria-hidden="true">{mark}</span><strong>{}</strong>: {text}</li>"#,
                escape(&h.name)
            ));
        }
        out.push_str("</ul>");
    }
    match &c.body {
        BodyComparison::Same => out.push_str(r#"<p class="hint">The bodies are the same.</p>"#),
        BodyComparison::Json(diff) => {
            out.push_str(r#"<h4>Body (JSON, by path)</h4><ul class="diff-list diff-json">"#);
            for change in diff.changes.iter().take(MAX_ROWS) {
                let (mark, text) = match &change.kind {
                    JsonChangeKind::Added(v) => ("+", format!("<ins>{}</ins>", json_value(v))),
                    JsonChangeKind::Removed(v) => ("−", format!("<del>{}</del>", json_value(v))),
                    JsonChangeKind::Changed { left, right } | JsonChangeKind::TypeChanged { left, right } => {
                        ("~", format!("<del>{}</del> → <ins>{}</ins>", json_value(left), json_value(right)))
                    }
                };
                out.push_str(&format!(
                    r#"<li><span class="mark" aria-hidden="true">{mark}</span><code>{}</code>: {text}</li>"#,
                    escape(&change.path)
                ));
            }
            out.push_str("</ul>");
            let more = diff.total().saturating_sub(MAX_ROWS.min(diff.changes.len()));
            if more > 0 {
                out.push_str(&format!(r#"<p class="hint">And {more} more changes.</p>"#));
            }
        }
        BodyComparison::Lines(diff) => {
            if diff.approximate {
                out.push_str(r#"<p class="hint">The bodies differ too much to pair their lines: the changed part is shown as removed, then added.</p>"#);
            }
            out.push_str(r#"<pre class="diff-lines" aria-label="Body, line by line">"#);
            for row in diff.page(0, MAX_ROWS) {
                let (class, mark) = match row.kind {
                    RowKind::Same => ("same", ' '),
                    RowKind::Added => ("add", '+'),
                    RowKind::Removed => ("del", '-'),
                };
                out.push_str(&format!(
                    r#"<span class="{class}">{mark} {}</span>"#,
                    escape(&cut(&row.text, 500))
                ));
                out.push('\n');
            }
            out.push_str("</pre>");
            if diff.row_count() > MAX_ROWS {
                out.push_str(&format!(
                    r#"<p class="hint">{} more lines of the diff are not shown ({} added, {} removed in all).</p>"#,
                    diff.row_count() - MAX_ROWS,
                    diff.added,
                    diff.removed
                ));
            }
        }
        BodyComparison::Binary {
            left_len,
            right_len,
            first_difference,
        } => out.push_str(&format!(
            r#"<p>Binary bodies: {left_len} and {right_len} bytes, first different at byte {first_difference}.</p>"#
        )),
    }
    out
}

/// A JSON value, shortened, as markup text; written by serde's writer, which the bundle has anyway
/// (`Value`'s `Display` would bring a second one).
fn json_value(v: &serde_json::Value) -> String {
    escape(&cut(&serde_json::to_string(v).unwrap_or_default(), 300))
}
