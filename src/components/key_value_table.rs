//! A table of key/value rows with an enable switch each: query parameters, headers, form fields, variables.
//!
//! The rows are plain DOM kept in step with the `Rows` by one effect (rows added, removed and reordered by
//! id; values set only where they differ, so the field being typed in keeps its caret), and edited through
//! one delegated `input` and one `click` handler. Why not a keyed `<For>` of reactive rows: that cost about
//! 4 KB gzip of the page's budgeted first load (see `static_form`); this costs a fraction.

use crate::components::static_form::{set_hidden_element, set_property_of};
use crate::state::{Row, Rows};
use leptos::html::Ul;
use leptos::prelude::*;
use reqlab_core::KeyValue;
use wasm_bindgen::{JsCast, JsValue};
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
    let list = NodeRef::<Ul>::new();
    Effect::new(move |_| {
        let Some(list) = list.get() else {
            return;
        };
        rows.0
            .with(|rows| sync_rows(&list, rows, suggestions, note));
    });
    let on_input = move |ev: web_sys::Event| {
        let Some((row, field, control)) = edited(&ev, rows) else {
            return;
        };
        let property = |name: &str| js_sys::Reflect::get(&control, &JsValue::from_str(name)).ok();
        match field.as_str() {
            "enabled" => row.enabled.set(
                property("checked")
                    .and_then(|c| c.as_bool())
                    .unwrap_or(true),
            ),
            "key" => row.key.set(
                property("value")
                    .and_then(|v| v.as_string())
                    .unwrap_or_default(),
            ),
            "value" => row.value.set(
                property("value")
                    .and_then(|v| v.as_string())
                    .unwrap_or_default(),
            ),
            _ => return,
        }
        changed();
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((row, field, _)) = edited(&ev, rows) {
            if field == "remove" {
                rows.remove(row.id);
                changed();
            }
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

/// The row an event happened in, the `data-field` of its control, and the control.
fn edited(ev: &web_sys::Event, rows: Rows) -> Option<(Row, String, Element)> {
    let control = ev.target()?.dyn_into::<Element>().ok()?;
    let field = control.get_attribute("data-field")?;
    let id: u32 = control
        .closest("li")
        .ok()??
        .get_attribute("data-id")?
        .parse()
        .ok()?;
    let row = rows
        .0
        .with_untracked(|rows| rows.iter().find(|r| r.id == id).copied())?;
    Some((row, field, control))
}

/// Makes the list's items match `rows`, in order, and shows each row's current values.
fn sync_rows(
    list: &Element,
    rows: &[Row],
    suggestions: Option<&str>,
    note: Option<fn(&str) -> Option<String>>,
) {
    let children = list.children();
    let stale: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|item| {
            let id = item
                .get_attribute("data-id")
                .and_then(|id| id.parse::<u32>().ok());
            !rows.iter().any(|row| Some(row.id) == id)
        })
        .collect();
    for item in stale {
        item.remove();
    }
    for (at, row) in rows.iter().enumerate() {
        let item = match list.query_selector(&format!("li[data-id=\"{}\"]", row.id)) {
            Ok(Some(item)) => item,
            _ => match new_item(list, row.id, suggestions) {
                Some(item) => item,
                None => return,
            },
        };
        let current = children.item(at as u32);
        if current.as_ref() != Some(&item) {
            let _ = list.insert_before(&item, current.as_ref().map(|c| c.as_ref()));
        }
        fill_item(&item, row, note);
    }
}

fn new_item(list: &Element, id: u32, suggestions: Option<&str>) -> Option<Element> {
    let item = list.owner_document()?.create_element("li").ok()?;
    item.set_class_name("kv-row");
    let _ = item.set_attribute("data-id", &id.to_string());
    item.set_inner_html(ROW);
    if let (Some(list_id), Some(key)) = (suggestions, part(&item, "key")) {
        let _ = key.set_attribute("list", list_id);
    }
    Some(item)
}

fn part(item: &Element, field: &str) -> Option<Element> {
    item.query_selector(&format!("[data-field=\"{field}\"]"))
        .ok()
        .flatten()
}

/// Sets a property of a row's control unless it already holds the value (keeps the caret in place).
fn set_part(item: &Element, field: &str, property: &str, value: JsValue) {
    if let Some(control) = part(item, field) {
        set_property_of(&control, property, &value);
    }
}

fn fill_item(item: &Element, row: &Row, note: Option<fn(&str) -> Option<String>>) {
    set_part(
        item,
        "enabled",
        "checked",
        JsValue::from_bool(row.enabled.get()),
    );
    let key = row.key.get();
    set_part(item, "key", "value", JsValue::from_str(&key));
    set_part(item, "value", "value", JsValue::from_str(&row.value.get()));
    if let Some(element) = part(item, "note") {
        let text = note.and_then(|note| note(&key));
        element.set_text_content(text.as_deref());
        set_hidden_element(&element, text.is_none());
    }
}
