//! Edit stage UI: query parameters, kept in step with the URL, and path variables found in it.

use crate::page::components::key_value_table::KeyValueTable;
use crate::page::state::use_app_state;
use leptos::prelude::*;

/// The query table (edits rewrite the URL) and, when the path has `:name` or `{name}`, their values.
#[component]
pub fn QueryTab() -> impl IntoView {
    let editor = use_app_state().editor;
    let has_path_variables = move || editor.path_variables.0.with(|rows| !rows.is_empty());
    view! {
        <KeyValueTable
            rows=editor.query
            label="Query parameters"
            add_label="Add parameter"
            on_change=Callback::new(move |_| editor.query_changed())
        />
        {move || has_path_variables().then(|| view! {
            <h3 class="sub-heading">"Path variables"</h3>
            <KeyValueTable rows=editor.path_variables label="Path variables" add_label="Add path variable"/>
        })}
    }
}
