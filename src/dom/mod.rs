//! The DOM helpers of every bundle that has a DOM (the page and the library): a body saved as a file, a
//! `blob:` URL for bytes, text put on the clipboard; static forms' declared ids (`controls`) and setters
//! (`form`); the whole document's lookups, listeners and dialogs (`document`); an embedded app's end of
//! `public/embed.js` (`embedder`); `window.reqlab` as the bundles beside the page reach it (`bridge`), and the latest answer it keeps
//! (`answer`).

pub mod answer;
pub mod bridge;
pub mod controls;
pub mod document;
pub mod embedder;
pub mod form;
pub mod html;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Url};

/// A `blob:` URL for the body with its content type; the caller revokes it.
pub fn blob_url(body: &[u8], content_type: &str) -> Option<String> {
    let parts = Array::of1(&Uint8Array::from(body).into());
    let options = BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// Saves the body as a file named `name`, through a temporary link to a blob URL.
pub fn download(body: &[u8], content_type: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(url) = blob_url(body, content_type) else {
        return;
    };
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
    }
    let _ = Url::revoke_object_url(&url);
}

/// `navigator.clipboard.writeText(text)`, or `None` where there is no clipboard API: it is missing outside
/// secure contexts, and calling a method on the missing object would throw out of wasm.
pub fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    Some(
        clipboard
            .unchecked_into::<web_sys::Clipboard>()
            .write_text(text),
    )
}
