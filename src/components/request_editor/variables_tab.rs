//! Edit stage UI: environments of `{{name}}` variables, one active at a time.

use super::problem_for;
use crate::components::key_value_table::KeyValueTable;
use crate::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::Field;

/// Environment picker, its name and its variables.
#[component]
pub fn VariablesTab() -> impl IntoView {
    let state = use_app_state();
    let environments = state.environments;
    let problem = problem_for(state, Field::Variables);
    let active_entry = move || {
        let active = environments.active.get();
        environments
            .list
            .with(|list| list.iter().find(|e| Some(e.id) == active).copied())
    };
    view! {
        <div class="raw-toolbar">
            <label for="environment">"Environment"</label>
            <select
                id="environment"
                prop:value=move || environments.active.get().map(|id| id.to_string()).unwrap_or_default()
                on:change=move |ev| environments.active.set(event_target_value(&ev).parse().ok())
            >
                <option value="">"None"</option>
                <For each=move || environments.list.get() key=|e| e.id let:entry>
                    <option value=entry.id.to_string()>{move || entry.name.get()}</option>
                </For>
            </select>
            <button
                type="button"
                on:click=move |_| {
                    let count = environments.list.with_untracked(Vec::len);
                    environments.add(&format!("Environment {}", count + 1));
                }
            >
                "New environment"
            </button>
        </div>
        {move || active_entry().map(|entry| view! {
            <label for="environment-name" class="field-label">"Environment name"</label>
            <input
                id="environment-name"
                type="text"
                bind:value=entry.name
            />
            <KeyValueTable rows=entry.variables label="Variables" add_label="Add variable"/>
        })}
        <p class="hint">"Write {{name}} in any field to use a variable's value."</p>
        <p class="problem" aria-live="polite">{problem}</p>
    }
}
