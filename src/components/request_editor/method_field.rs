//! Edit stage UI: the method picker, with a text field for any other method token.

use super::problem_for;
use crate::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::{Field, Method};

const CUSTOM: &str = "custom";

/// A select of the standard methods plus "Custom…", which reveals a field for any valid token.
#[component]
pub fn MethodField() -> impl IntoView {
    let state = use_app_state();
    let method = state.editor.method;
    let is_custom = move || method.with(|m| matches!(Method::parse(m.trim()), Method::Custom(_)));
    let custom_open = RwSignal::new(false);
    let selected = move || {
        if custom_open.get() || is_custom() {
            CUSTOM.to_string()
        } else {
            method.get().trim().to_ascii_uppercase()
        }
    };
    let problem = problem_for(state, Field::Method);
    view! {
        <label for="method" class="visually-hidden">"Method"</label>
        <select
            id="method"
            class="method"
            prop:value=selected
            on:change=move |ev| {
                let value = event_target_value(&ev);
                if value == CUSTOM {
                    custom_open.set(true);
                    if !is_custom() {
                        method.set(String::new());
                    }
                } else {
                    custom_open.set(false);
                    method.set(value);
                }
            }
        >
            {Method::STANDARD
                .iter()
                .map(|m| view! { <option value=m.as_str()>{m.as_str()}</option> })
                .collect_view()}
            <option value=CUSTOM>"Custom…"</option>
        </select>
        <Show when=move || custom_open.get() || is_custom()>
            <label for="custom-method" class="visually-hidden">"Custom method"</label>
            <input
                id="custom-method"
                class="custom-method"
                type="text"
                placeholder="PROPFIND"
                spellcheck="false"
                autocomplete="off"
                aria-invalid=move || if problem().is_some() { "true" } else { "false" }
                title=problem
                bind:value=method
            />
        </Show>
    }
}
