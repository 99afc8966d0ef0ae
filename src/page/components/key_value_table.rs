//! A table of key/value rows with an enable switch each: query parameters, headers, form fields, variables.
//!
//! The rows are plain DOM kept in step with the `Rows` by one effect and edited through one delegated
//! `input` and one `click` handler (see `dom_rows`).

use crate::dom::form::set_hidden_element;
use crate::page::components::dom_rows::{part, set_part, sync_items, touched, Touched};
use crate::page::state::{Row, Rows};
use leptos::html::Ul;
use leptos::prelude::*;
use reqlab_core::KeyValue;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// One row's controls; `data-field` says which part of the row each one edits.
const ROW: &str = concat!(
    r#"<input type="checkbox" aria-label="Enabled" data-field="enabled">"#,
    r#"<input type="text" class="kv-key" aria-label="Key" placeholder="Key" spellcheck="false" autocomplete="off" data-field="key">"#,
    r#"<input type="text" class="kv-value" aria-label="Value" placeholder="Value" spellcheck="false" autocomplete="off" data-field="value">"#,
    r#"<button type="button" class="remove-row" aria-label="Remove row" data-field="remove">×</button>"#,
    r#"<p class="row-note" data-field="note" hidden></p>"#,
);

/// Rows with "Enabled", "Key" and "Value" controls, a remove button each, and an add button.
/// `on_change` runs after any edit (the query table uses it to rewrite the URL); `suggestions` names a
/// `<datalist>` for the key field; `note` explains a row (e.g. what the browser does with a header).
#[component]
pub fn KeyValueTable(
    rows: Rows,
    /// Accessible name of the list, e.g. "Query parameters".
    label: &'static str,
    /// Text of the add button, e.g. "Add parameter".
    add_label: &'static str,
    #[prop(optional)] on_change: Option<Callback<()>>,
    #[prop(optional)] suggestions: Option<&'static str>,
    #[prop(optional)] note: Option<fn(&str, &str) -> Option<String>>,
) -> impl IntoView {
    let changed = move || {
        if let Some(on_change) = on_change {
            on_change.run(());
        }
    };
    let list = NodeRef::<Ul>::new();
    Effect::new(move |_| {
        let Some(list) = list.get() else {
            return;
        };
        rows.0
            .with(|rows| sync_rows(&list, rows, suggestions, note));
    });
    let row_of = move |touched: &Touched| {
        rows.0
            .with_untracked(|rows| rows.iter().find(|r| r.id == touched.id).copied())
    };
    let on_input = move |ev: web_sys::Event| {
        let Some(touched) = touched(&ev) else {
            return;
        };
        let Some(row) = row_of(&touched) else {
            return;
        };
        match touched.field.as_str() {
            "enabled" => row.enabled.set(touched.checked()),
            "key" => row.key.set(touched.value()),
            "value" => row.value.set(touched.value()),
            _ => return,
        }
        changed();
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(touched) = touched(&ev).filter(|t| t.field == "remove") {
            rows.remove(touched.id);
            changed();
        }
    };
    view! {
        <ul class="kv-rows" aria-label=label node_ref=list on:input=on_input on:click=on_click></ul>
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

/// Shows `rows` in the list, each with its note (from its key and value).
fn sync_rows(
    list: &Element,
    rows: &[Row],
    suggestions: Option<&str>,
    note: Option<fn(&str, &str) -> Option<String>>,
) {
    let ids: Vec<u32> = rows.iter().map(|row| row.id).collect();
    sync_items(list, &ids, "kv-row", ROW, |item, at| {
        let row = &rows[at];
        if let (Some(list_id), Some(key)) = (suggestions, part(item, "key")) {
            let _ = key.set_attribute("list", list_id);
        }
        set_part(
            item,
            "enabled",
            "checked",
            &JsValue::from_bool(row.enabled.get()),
        );
        let key = row.key.get();
        set_part(item, "key", "value", &JsValue::from_str(&key));
        let value = row.value.get();
        set_part(item, "value", "value", &JsValue::from_str(&value));
        if let Some(element) = part(item, "note") {
            let text = note.and_then(|note| note(&key, &value));
            element.set_text_content(text.as_deref());
            set_hidden_element(&element, text.is_none());
        }
    });
}
