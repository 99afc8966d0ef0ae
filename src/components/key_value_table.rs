//! A table of key/value rows with an enable switch each: query parameters, headers, form fields, variables.

use crate::state::{Row, Rows};
use leptos::prelude::*;
use reqlab_core::KeyValue;

/// Rows with "Enabled", "Key" and "Value" controls, a remove button each, and an add button.
/// `on_change` runs after any edit (the query table uses it to rewrite the URL); `suggestions` names a
/// `<datalist>` for the key field; `note` explains a key (e.g. what the browser does with a header).
#[component]
pub fn KeyValueTable(
    rows: Rows,
    /// Accessible name of the list, e.g. "Query parameters".
    label: &'static str,
    /// Text of the add button, e.g. "Add parameter".
    add_label: &'static str,
    #[prop(optional)] on_change: Option<Callback<()>>,
    #[prop(optional)] suggestions: Option<&'static str>,
    #[prop(optional)] note: Option<fn(&str) -> Option<String>>,
) -> impl IntoView {
    let changed = move || {
        if let Some(on_change) = on_change {
            on_change.run(());
        }
    };
    view! {
        <ul class="kv-rows" aria-label=label>
            <For each=move || rows.0.get() key=|row| row.id let:row>
                <KeyValueRow row rows changed suggestions note/>
            </For>
        </ul>
        <button
            type="button"
            class="add-row"
            on:click=move |_| {
                rows.push(&KeyValue::default());
                changed();
            }
        >
            {add_label}
        </button>
    }
}

#[component]
fn KeyValueRow(
    row: Row,
    rows: Rows,
    changed: impl Fn() + Copy + Send + Sync + 'static,
    suggestions: Option<&'static str>,
    note: Option<fn(&str) -> Option<String>>,
) -> impl IntoView {
    let note_text = move || note.and_then(|note| note(&row.key.get()));
    view! {
        <li class="kv-row">
            <input
                type="checkbox"
                aria-label="Enabled"
                prop:checked=move || row.enabled.get()
                on:change=move |ev| {
                    row.enabled.set(event_target_checked(&ev));
                    changed();
                }
            />
            <input
                type="text"
                class="kv-key"
                aria-label="Key"
                placeholder="Key"
                spellcheck="false"
                autocomplete="off"
                list=suggestions
                prop:value=move || row.key.get()
                on:input=move |ev| {
                    row.key.set(event_target_value(&ev));
                    changed();
                }
            />
            <input
                type="text"
                class="kv-value"
                aria-label="Value"
                placeholder="Value"
                spellcheck="false"
                autocomplete="off"
                prop:value=move || row.value.get()
                on:input=move |ev| {
                    row.value.set(event_target_value(&ev));
                    changed();
                }
            />
            <button
                type="button"
                class="remove-row"
                aria-label="Remove row"
                on:click=move |_| {
                    rows.remove(row.id);
                    changed();
                }
            >
                "×"
            </button>
            {move || note_text().map(|text| view! { <p class="row-note">{text}</p> })}
        </li>
    }
}
