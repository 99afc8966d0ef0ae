//! Keyboard for every tab list of the page and the library (the request's parts, the response's views, the
//! workspace's panels, the open requests): the ARIA tabs pattern. One tab stop per list (the views mark the
//! others tabindex=-1); the arrow keys move to the neighbouring tab, round the ends, Home and End to the
//! first and last; moving selects, by the tab's own click. Here, once for all lists, rather than in the
//! page's first load.

use crate::dom::document::on_window;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

pub fn install() {
    on_window("keydown", |event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let step: isize = match key.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            "Home" | "End" => 0,
            _ => return,
        };
        let Some(tab) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[role=\"tab\"]").ok().flatten())
        else {
            return;
        };
        let Some(list) = tab.closest("[role=\"tablist\"]").ok().flatten() else {
            return;
        };
        let Ok(found) = list.query_selector_all("[role=\"tab\"]") else {
            return;
        };
        let tabs: Vec<HtmlElement> = (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into().ok())
            .collect();
        let count = tabs.len() as isize;
        let Some(at) = tabs.iter().position(|t| t.is_same_node(Some(&tab))) else {
            return;
        };
        let next = match key.key().as_str() {
            "Home" => 0,
            "End" => count - 1,
            _ => (at as isize + step).rem_euclid(count),
        };
        event.prevent_default();
        if let Some(next) = tabs.get(next as usize) {
            next.click();
            let _ = next.focus();
        }
    });
}
