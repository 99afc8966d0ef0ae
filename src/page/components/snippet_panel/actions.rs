//! Snippet stage UI: Copy, to the clipboard, with a short confirmation or the reason it failed in the
//! panel's status line.

use crate::dom::write_clipboard;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Puts `text` on the clipboard and says in `status` whether that worked.
pub fn copy(text: &str, status: Element) {
    let Some(promise) = write_clipboard(text) else {
        announce(
            &status,
            "This page has no clipboard access (it needs HTTPS or localhost): select the code and copy it.",
        );
        return;
    };
    leptos::task::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => announce(&status, "Copied"),
            Err(_) => announce(
                &status,
                "The browser refused the clipboard: select the code and copy it.",
            ),
        }
    });
}

/// Shows `message` in the status line as a new element: the stylesheet fades each one out after a moment
/// (so "Copied" is brief without a timer), and a live region announces every new one, even a repeat.
fn announce(status: &Element, message: &str) {
    status.set_text_content(None);
    if let Some(document) = status.owner_document() {
        if let Ok(line) = document.create_element("span") {
            line.set_text_content(Some(message));
            let _ = status.append_child(&line);
        }
    }
}
