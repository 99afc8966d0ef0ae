//! Edit stage UI: the header rows, each with a switch, a name and a value.

use crate::state::{use_app_state, HeaderRow};
use leptos::prelude::*;

/// The headers table with its add and remove buttons.
#[component]
pub fn HeadersTable() -> impl IntoView {
    let state = use_app_state();
    view! {
        <fieldset class="headers">
            <legend>"Headers"</legend>
            <ul class="kv-rows">
                <For each=move || state.headers.get() key=|row| row.id let:row>
                    <HeaderRowView row/>
                </For>
            </ul>
            <button type="button" class="add-row" on:click=move |_| state.add_header("", "")>
                "Add header"
            </button>
        </fieldset>
    }
}

/// One header row.
#[component]
fn HeaderRowView(row: HeaderRow) -> impl IntoView {
    let state = use_app_state();
    view! {
        <li class="kv-row">
            <input type="checkbox" aria-label="Header enabled" bind:checked=row.enabled/>
            <input
                type="text"
                class="kv-key"
                aria-label="Header name"
                placeholder="Name"
                spellcheck="false"
                bind:value=row.key
            />
            <input
                type="text"
                class="kv-value"
                aria-label="Header value"
                placeholder="Value"
                spellcheck="false"
                bind:value=row.value
            />
            <button
                type="button"
                class="remove-row"
                aria-label="Remove header"
                on:click=move |_| state.remove_header(row.id)
            >
                "×"
            </button>
        </li>
    }
}
