//! The theme switch: System (the default, following the system's light or dark scheme), Light or Dark. The
//! choice is kept in localStorage and applied as `data-theme` on the root element; index.html applies it
//! before the first paint, so a pinned theme never flashes the other one. The switch itself is not needed
//! for a first paint or a first request, so the library (not the page) shows it.

use super::markup::id;
use crate::dom::document as dom;

/// The localStorage key (index.html reads it too).
const KEY: &str = "reqlab.theme";

pub fn wire() {
    dom::set_value(id::THEME, &stored().unwrap_or_else(|| "system".to_string()));
    dom::on(id::THEME, "input", |_| apply(&dom::value(id::THEME)));
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The pinned theme, if any (storage may be missing, full or refused: then the system's scheme applies).
fn stored() -> Option<String> {
    storage()?
        .get_item(KEY)
        .ok()
        .flatten()
        .filter(|t| t == "light" || t == "dark")
}

/// Shows `theme` now and remembers it; "system" (or anything else) follows the system again.
fn apply(theme: &str) {
    let pinned = matches!(theme, "light" | "dark");
    if let Some(root) = dom::document().and_then(|d| d.document_element()) {
        let _ = if pinned {
            root.set_attribute("data-theme", theme)
        } else {
            root.remove_attribute("data-theme")
        };
    }
    if let Some(storage) = storage() {
        let _ = if pinned {
            storage.set_item(KEY, theme)
        } else {
            storage.remove_item(KEY)
        };
    }
}
