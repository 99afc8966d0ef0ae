//! Snippet stage UI: the panel's form controls (Language, Client, Indent and the option checkboxes).
//!
//! The controls are static markup (see `markup`), and `sync` sets all of them from the worker's answer by
//! plain DOM calls. Why not reactive attributes and option lists: the page's wasm is over its size budget,
//! and every reactive attribute, child list and handler type costs generic code there (about 4 KB gzip for
//! two reactive pickers alone), while these few calls cost a few hundred bytes. Refilling a select in
//! place also keeps the focus on it while a keyboard user browses.

use super::markup::id;
use crate::dom::form::{fill_select_owned, find};
use crate::protocol::snippet::Answer;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Shows the answer's choice in the controls under `root`: the picker options, every control's value, and
/// only the options that do something for the chosen target.
pub fn sync(root: &Element, answer: &Answer) {
    fill_select_owned(root, id::LANGUAGE, &answer.languages);
    fill_select_owned(root, id::CLIENT, &answer.clients);
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
