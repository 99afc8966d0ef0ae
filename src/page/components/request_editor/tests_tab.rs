//! Edit stage UI: the request's checks, one row each: a subject and what to do with its value, an
//! assertion (`status` → `equals 200`) or a capture into the active environment (`$.token` → `set token`).
//! The page only edits the rows; the workflow bundle (`src/workflow`) evaluates them on each answer and
//! shows the verdicts beside it.

use crate::page::components::bound_form::form;
use crate::page::components::key_value_table::KeyValueTable;
use crate::page::state::use_app_state;
use leptos::prelude::*;

/// How rows read, and the subjects offered as the key's suggestions.
const MARKUP: &str = concat!(
    r#"<p class="hint">Each row checks the answer: a subject (<code>status</code>, <code>header Name</code>, "#,
    r#"a JSONPath such as <code>$.items[0].id</code>, <code>regex id=(\d+)</code>, <code>body</code>, "#,
    r#"<code>time</code>, <code>size</code>), then an operator and its value: <code>equals 200</code>, "#,
    r#"<code>not_equals</code>, <code>less_than</code>, <code>greater_than</code>, <code>contains</code>, "#,
    r#"<code>matches ^a.+</code>, <code>exists</code>, <code>is_type string</code>, <code>one_of 200, 201</code>. "#,
    r#"<code>set token</code> saves the value as <code>{{token}}</code> in the active environment.</p>"#,
    r#"<datalist id="check-subjects"><option value="status"><option value="header Content-Type">"#,
    r#"<option value="$."><option value="regex "><option value="body"><option value="time"><option value="size"></datalist>"#,
);

#[component]
pub fn TestsTab() -> impl IntoView {
    let state = use_app_state();
    view! {
        {form("static-form", MARKUP, Vec::new())}
        <KeyValueTable rows=state.editor.checks label="Checks" add_label="Add check" suggestions="check-subjects"/>
    }
}
