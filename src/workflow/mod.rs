//! The workflow bundle: the Tests tab's form, each answer's checks (assertions and captured values), the
//! answer's tools (a JSONPath filter, a diff against another answer) and the runner. A wasm module of its
//! own (`src/bin/workflow.rs`), imported by index.html on first use (the Tests tab, a request with checks
//! answered, the tools' button, a run), so neither it nor core's JSONPath, regular expressions and diff
//! weigh on the page. It meets the page at `window.reqlab` (`bridge`, `protocol::workflow`).

mod answers;
mod bridge;
mod checks_form;
mod dynamic;
mod markup;
mod results_view;
mod runner_view;
mod tools_view;

use crate::dom::document::on_window;
use wasm_bindgen::JsCast;

/// The bundle's styles, put in the page when it starts (the page's own CSS does not carry them).
const STYLE: &str = include_str!("../../style/workflow.css");

pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    crate::dom::document::add_style(STYLE);
    if let Ok(Some(root)) = document.query_selector("reqlab-checks:not([data-ready])") {
        checks_form::mount(&root);
    }
    // Loaded after an answer arrived (the Tests tab, the tools' button): that answer is the latest.
    answered();
    on_window("reqlab:edit", |_| checks_form::catch_up());
    on_window("reqlab:sending", |_| results_view::clear());
    // The Tests tab chosen again: its form catches up with the edits made while it was hidden.
    on_window("focusin", |ev| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.id() == "tab-tests");
        if chosen {
            checks_form::catch_up();
        }
    });
}

/// An answer arrived (index.html calls this once the bundle is loaded): its checks, and the tools follow.
pub fn answered() {
    let Some(latest) = bridge::latest() else {
        return;
    };
    answers::arrived(&latest);
    results_view::show(&latest);
    tools_view::refresh();
}

/// The latest answer's verdict for History ("2 of 3 tests passed"), or "" when its request has no checks.
pub fn verdict() -> String {
    bridge::latest()
        .and_then(|latest| results_view::check(&latest))
        .map(|checked| results_view::verdict(&checked))
        .unwrap_or_default()
}

/// The answer's "Filter & compare" button.
pub fn tools() {
    tools_view::toggle();
}

/// A "Run" button: opens the runner.
pub fn runner(_target: &str) {
    runner_view::open();
}
