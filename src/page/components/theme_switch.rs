//! The theme switch: System (the default, following the system's light or dark scheme), Light or Dark. The
//! choice is kept in localStorage and applied as `data-theme` on the root element; index.html applies it
//! before the first paint, so a pinned theme never flashes the other one. A static form (see
//! `dom::form`).

use crate::dom::form::{self, set_value};
use leptos::html::Span;
use leptos::prelude::*;

/// The localStorage key (index.html reads it too).
const KEY: &str = "reqlab.theme";

crate::controls! {
    /// The theme switch's ids, as `MARKUP` spells them.
    mod id {
        THEME = "theme",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<label for="theme">Theme</label><select id="theme">"#,
    r#"<option value="system">System</option><option value="light">Light</option><option value="dark">Dark</option>"#,
    r#"</select>"#,
);

/// Label and select, in the page header.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let root = NodeRef::<Span>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            set_value(
                &root,
                id::THEME,
                &stored().unwrap_or_else(|| "system".to_string()),
            );
        }
    });
    let on_input = move |ev: web_sys::Event| {
        if let Some(edit) = form::edit_of(&ev).filter(|e| e.id == id::THEME) {
            apply(&edit.value);
        }
    };
    view! { <span class="theme-switch" node_ref=root inner_html=MARKUP on:input=on_input></span> }
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
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let pinned = matches!(theme, "light" | "dark");
    if let Some(root) = root {
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
