//! Snippet stage UI: the panel's form controls (Language, Client, Indent and the option checkboxes).
//!
//! The controls are static markup (see `markup`), and `sync` sets all of them from the worker's answer by
//! plain DOM calls. Why not reactive attributes and option lists: the page's wasm is over its size budget,
//! and every reactive attribute, child list and handler type costs generic code there (about 4 KB gzip for
//! two reactive pickers alone), while these few calls cost a few hundred bytes. Refilling a select in
//! place also keeps the focus on it while a keyboard user browses.

use crate::worker::protocol::Answer;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Shows the answer's choice in the controls under `root`: the picker options, every control's value, and
/// only the options that do something for the chosen target.
pub fn sync(root: &Element, answer: &Answer) {
    fill_select(root, "snippet-language", &answer.languages);
    fill_select(root, "snippet-client", &answer.clients);
    for (id, value) in &answer.values {
        let Some(control) = find(root, id) else {
            continue;
        };
        if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
            select.set_value(value);
        } else if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
            input.set_checked(value == "true");
        }
        // The wrapper holds the control and its label.
        if let Some(wrapper) = control
            .parent_element()
            .and_then(|p| p.dyn_into::<HtmlElement>().ok())
        {
            wrapper.set_hidden(answer.hidden.contains(id));
        }
    }
}

/// The element with this id under `root`. Searched under the panel rather than the document: tests mount
/// several apps in one page.
pub fn find(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("#{id}")).ok().flatten()
}

/// Replaces a select's options with `(value, text)` entries, unless it already holds those.
pub fn fill_select(root: &Element, id: &str, entries: &[(String, String)]) {
    let Some(select) = find(root, id) else {
        return;
    };
    // The values it holds are kept on the element, so unchanged options are left alone.
    let values = entries
        .iter()
        .map(|(value, _)| value.as_str())
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
