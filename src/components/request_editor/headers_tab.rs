//! Edit stage UI: request headers as a table (with name suggestions and browser notes) or as text.

use super::problem_for;
use crate::components::key_value_table::KeyValueTable;
use crate::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::http::headers::{browser_note, STANDARD_HEADERS};
use reqlab_core::{bulk, Field};

/// The header table, or its text form while "Bulk edit" is on.
#[component]
pub fn HeadersTab() -> impl IntoView {
    let state = use_app_state();
    let headers = state.editor.headers;
    let bulk_mode = RwSignal::new(false);
    let problem = problem_for(state, Field::Headers);
    view! {
        <div class="tab-toolbar">
            <button
                type="button"
                aria-pressed=move || if bulk_mode.get() { "true" } else { "false" }
                on:click=move |_| bulk_mode.update(|on| *on = !*on)
            >
                "Bulk edit"
            </button>
        </div>
        <datalist id="header-names">
            {STANDARD_HEADERS
                .iter()
                .map(|(name, meaning)| view! { <option value=*name label=*meaning></option> })
                .collect_view()}
        </datalist>
        {move || if bulk_mode.get() {
            view! {
                <label for="headers-text" class="field-label">
                    "Headers as text (Name: value per line; // switches a line off)"
                </label>
                <textarea
                    id="headers-text"
                    rows="8"
                    spellcheck="false"
                    prop:value=bulk::to_text(&headers.get_untracked())
                    on:input=move |ev| headers.set(&bulk::from_text(&event_target_value(&ev)))
                ></textarea>
            }.into_any()
        } else {
            view! {
                <KeyValueTable
                    rows=headers
                    label="Headers"
                    add_label="Add header"
                    suggestions="header-names"
                    note=browser_note
                />
            }.into_any()
        }}
        <p class="problem" aria-live="polite">{problem}</p>
    }
}
