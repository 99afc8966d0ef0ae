//! Keyboard shortcuts that are not a control's own: `?` lists them all in a dialog, `/` puts the focus in
//! the URL field. Neither fires while typing in a field, where both are characters.

use super::markup::id;
use crate::dom::document as dom;
// The page's URL field, by the id its form declares (a constant: no page code comes with it).
use crate::page::components::request_editor::id::URL as URL_FIELD;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

pub fn wire() {
    dom::on_window("keydown", |ev| {
        let Some(key) = ev.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if key.ctrl_key() || key.meta_key() || key.alt_key() || typing(key) {
            return;
        }
        match key.key().as_str() {
            "?" => {
                ev.prevent_default();
                dom::show_dialog(id::SHORTCUTS);
            }
            "/" => {
                ev.prevent_default();
                dom::focus(URL_FIELD);
            }
            _ => {}
        }
    });
}

/// Whether the key goes to a field being typed in (or a dialog already open), not to the page.
fn typing(key: &KeyboardEvent) -> bool {
    let target = key.target().and_then(|t| t.dyn_into::<Element>().ok());
    target.is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("dialog[open]").ok().flatten().is_some()
            || el.has_attribute("contenteditable")
    })
}
