//! Forms built from constant HTML and driven by plain DOM calls, for the page's forms (see
//! `page::components::bound_form`) and the library's dialogs: controls found by id under a root, and set
//! (value, text, attributes, options) only when they differ, so a control being used keeps its caret and
//! focus.
//!
//! Why not Leptos views with reactive attributes: the page's first load has a 200 KB budget, and every
//! reactive attribute, handler and conditional child of a `view!` is its own generic code in the page's
//! wasm (the Options tab alone cost about 8 KB gzip that way). The markup of a static form costs its text,
//! and these few functions are shared by every form. The markup is always a constant: values coming from
//! the user or the network are only ever set as values, text or attributes, never parsed as HTML.
//!
//! Controls are found by id under the form's root, not in the whole document: tests mount several apps in
//! one page. The library, which is alone in its page, finds them in the whole document (`dom::document`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// The element with this id under `root`.
pub fn find(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("#{id}")).ok().flatten()
}

/// Sets a control's `value` property (input, select, textarea), unless it already holds it: rewriting an
/// unchanged value would move the caret of the field being typed in.
pub fn set_value(root: &Element, id: &str, value: &str) {
    set_property(root, id, "value", &JsValue::from_str(value));
}

/// `set_value` for the control itself.
pub fn set_value_of(control: &Element, value: &str) {
    set_property_of(control, "value", &JsValue::from_str(value));
}

/// Whether the checkbox `id` under `root` is ticked.
pub fn checked(root: &Element, id: &str) -> bool {
    find(root, id)
        .and_then(|control| js_sys::Reflect::get(&control, &JsValue::from_str("checked")).ok())
        .is_some_and(|value| value.is_truthy())
}

/// Ticks or clears a checkbox.
pub fn set_checked(root: &Element, id: &str, checked: bool) {
    set_property(root, id, "checked", &JsValue::from_bool(checked));
}

fn set_property(root: &Element, id: &str, name: &str, value: &JsValue) {
    if let Some(control) = find(root, id) {
        set_property_of(&control, name, value);
    }
}

/// Sets a property of `element` unless it already holds `value`.
pub fn set_property_of(element: &Element, name: &str, value: &JsValue) {
    let name = JsValue::from_str(name);
    let current = js_sys::Reflect::get(element, &name).unwrap_or(JsValue::UNDEFINED);
    if &current != value {
        let _ = js_sys::Reflect::set(element, &name, value);
    }
}

/// Replaces an element's text (never markup), unless it already reads so.
pub fn set_text(root: &Element, id: &str, text: &str) {
    if let Some(element) = find(root, id) {
        set_text_of(&element, text);
    }
}

/// `set_text` for the element itself.
pub fn set_text_of(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Shows or hides an element (the `hidden` attribute).
pub fn set_hidden(root: &Element, id: &str, hidden: bool) {
    if let Some(element) = find(root, id) {
        set_hidden_element(&element, hidden);
    }
}

pub fn set_hidden_element(element: &Element, hidden: bool) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        element.set_hidden(hidden);
    }
}

/// Sets an attribute, or removes it when `value` is `None`.
pub fn set_attribute(root: &Element, id: &str, name: &str, value: Option<&str>) {
    if let Some(element) = find(root, id) {
        set_attribute_of(&element, name, value);
    }
}

/// `set_attribute` for the element itself.
pub fn set_attribute_of(element: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}

/// `aria-invalid` as screen readers and the stylesheet read it.
pub fn set_invalid(root: &Element, id: &str, invalid: bool) {
    if let Some(control) = find(root, id) {
        set_invalid_of(&control, invalid);
    }
}

/// `set_invalid` for the control itself.
pub fn set_invalid_of(control: &Element, invalid: bool) {
    set_attribute_of(
        control,
        "aria-invalid",
        Some(if invalid { "true" } else { "false" }),
    );
}

/// Replaces a select's options with `(value, text)` entries, unless it already holds those (so a keyboard
/// user browsing it keeps the focus and the place).
pub fn fill_select(root: &Element, id: &str, entries: &[(&str, &str)]) {
    if let Some(select) = find(root, id) {
        fill_select_element(&select, entries);
    }
}

/// `fill_select` for the select itself.
pub fn fill_select_element(select: &Element, entries: &[(&str, &str)]) {
    // What the select holds is kept on it, values and texts (an option's text can change alone: a renamed
    // environment).
    let values = entries
        .iter()
        .map(|(value, text)| format!("{value}\t{text}"))
        .collect::<Vec<_>>()
        .join("\n");
    if select.get_attribute("data-values").as_deref() == Some(values.as_str()) {
        return;
    }
    let _ = select.set_attribute("data-values", &values);
    select.set_text_content(None);
    let Some(document) = select.owner_document() else {
        return;
    };
    for (value, text) in entries {
        if let Ok(option) = document.create_element("option") {
            let _ = option.set_attribute("value", value);
            option.set_text_content(Some(text));
            let _ = select.append_child(&option);
        }
    }
}

/// What the user changed: the control's id and its new value (`true`/`false` for a checkbox).
pub struct Edit {
    pub id: String,
    pub value: String,
}

/// The edit an `input` event reports, if it came from a control with an id.
pub fn edit_of(ev: &web_sys::Event) -> Option<Edit> {
    let control = ev.target()?.dyn_into::<Element>().ok()?;
    let id = control.id();
    if id.is_empty() {
        return None;
    }
    // Inputs, selects and textareas all have `value`; only checkboxes are read by `checked`.
    let property = |name: &str| js_sys::Reflect::get(&control, &JsValue::from_str(name)).ok();
    let is_checkbox = property("type").and_then(|t| t.as_string()).as_deref() == Some("checkbox");
    let value = if is_checkbox {
        property("checked")
            .and_then(|c| c.as_bool())
            .unwrap_or(false)
            .to_string()
    } else {
        property("value")
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    Some(Edit { id, value })
}

/// Appends `<tr><th scope="row" title>name</th><td>value</td></tr>` to the table body with this id: the
/// name/value tables of the response (headers, timing).
pub fn append_row(root: &Element, tbody_id: &str, name: &str, value: &str, title: Option<&str>) {
    let Some(tbody) = find(root, tbody_id) else {
        return;
    };
    let Some(document) = tbody.owner_document() else {
        return;
    };
    let (Ok(row), Ok(th), Ok(td)) = (
        document.create_element("tr"),
        document.create_element("th"),
        document.create_element("td"),
    ) else {
        return;
    };
    let _ = th.set_attribute("scope", "row");
    if let Some(title) = title {
        let _ = th.set_attribute("title", title);
    }
    th.set_text_content(Some(name));
    td.set_text_content(Some(value));
    let _ = row.append_child(&th);
    let _ = row.append_child(&td);
    let _ = tbody.append_child(&row);
}

/// Replaces the items of the list with this id by one `<li>` of text per entry.
pub fn fill_list(root: &Element, id: &str, items: &[String]) {
    let (Some(list), Some(document)) = (find(root, id), root.owner_document()) else {
        return;
    };
    list.set_text_content(None);
    for text in items {
        if let Ok(item) = document.create_element("li") {
            item.set_text_content(Some(text));
            let _ = list.append_child(&item);
        }
    }
}

/// A control's `value` (text boxes, file inputs and selects all have one); empty when there is none.
pub fn value_of(root: &Element, id: &str) -> String {
    find(root, id)
        .and_then(|control| js_sys::Reflect::get(&control, &JsValue::from_str("value")).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// `fill_select` for entries held as owned strings (the workers' answers).
pub fn fill_select_owned(root: &Element, id: &str, entries: &[(String, String)]) {
    let entries: Vec<(&str, &str)> = entries
        .iter()
        .map(|(value, text)| (value.as_str(), text.as_str()))
        .collect();
    fill_select(root, id, &entries);
}
