//! Edit stage UI: environments of `{{name}}` variables, one active at a time. The picker is a static form
//! (see `bound_form`); the active environment's name and variables follow it.

use super::problem_for;
use crate::dom::form::{fill_select_element, set_value_of};
use crate::page::components::bound_form::{form, Binding, Bindings};
use crate::page::components::key_value_table::KeyValueTable;
use crate::page::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::Field;
use web_sys::Element;

crate::controls! {
    /// The Variables tab's ids: the picker's, as `TOOLBAR` spells them, and the name field's, as the view
    /// below spells it.
    mod id {
        ENVIRONMENT = "environment",
        NEW_ENVIRONMENT = "new-environment",
        ENVIRONMENT_NAME = "environment-name",
    } in include_str!("variables_tab.rs")
}

const TOOLBAR: &str = concat!(
    r#"<label for="environment">Environment</label><select id="environment"></select>"#,
    r#"<button type="button" id="new-environment">New environment</button>"#,
);

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
    let show_picker = move |select: &Element| {
        let entries: Vec<(String, String)> = environments.list.with(|list| {
            let named = list.iter().map(|e| (e.id.to_string(), e.name.get()));
            std::iter::once((String::new(), "None".to_string()))
                .chain(named)
                .collect()
        });
        let entries: Vec<(&str, &str)> = entries
            .iter()
            .map(|(v, t)| (v.as_str(), t.as_str()))
            .collect();
        fill_select_element(select, &entries);
        let active = environments.active.get().map(|id| id.to_string());
        set_value_of(select, active.as_deref().unwrap_or_default());
    };
    let add = move || {
        let count = environments.list.with_untracked(Vec::len);
        environments.add(&format!("Environment {}", count + 1));
    };
    let bindings: Bindings = vec![
        (
            id::ENVIRONMENT,
            Binding::control(show_picker, move |value| {
                environments.active.set(value.parse().ok())
            }),
        ),
        (id::NEW_ENVIRONMENT, Binding::click(add)),
    ];
    view! {
        {form("raw-toolbar", TOOLBAR, bindings)}
        {move || active_entry().map(|entry| view! {
            <label for="environment-name" class="field-label">"Environment name"</label>
            <input
                id="environment-name"
                type="text"
                prop:value=move || entry.name.get()
                on:input=move |ev| entry.name.set(event_target_value(&ev))
            />
            <KeyValueTable rows=entry.variables label="Variables" add_label="Add variable"/>
        })}
        <p class="hint">"Write {{name}} in any field to use a variable's value."</p>
        <p class="problem" aria-live="polite">{problem}</p>
    }
}
