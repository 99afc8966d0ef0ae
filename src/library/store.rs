//! The library's storage: localStorage, read and written so that nothing throws out of wasm. A full
//! storage (QuotaExceededError), one the browser refuses (private modes, blocked cookies) and an embedded
//! page (which must never touch the user's data) all come down to "not kept", said as a sentence.

use wasm_bindgen::JsValue;
use web_sys::Storage;

/// Where everything the library keeps lives; `None` when nothing may or can be kept.
pub struct Store {
    storage: Option<Storage>,
}

/// Keys: one per kind of data, each a versioned envelope (`reqlab_core::library::stored`).
pub const DRAFT: &str = "reqlab.draft";
pub const HISTORY: &str = "reqlab.history";
pub const COLLECTIONS: &str = "reqlab.collections";
pub const EXAMPLES_BASE: &str = "reqlab.examples-base";
pub const TABS: &str = "reqlab.tabs";
/// Whether the Workspace sidebar is shown, and which panel: "shown history", "hidden collections"…
pub const SIDEBAR: &str = "reqlab.sidebar";

impl Store {
    /// The browser's localStorage; none for an embedded page.
    pub fn open(embedded: bool) -> Store {
        let storage = if embedded {
            None
        } else {
            web_sys::window().and_then(|window| window.local_storage().ok().flatten())
        };
        Store { storage }
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    /// Writes `value`; on failure says why, in words fit for the user.
    pub fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let Some(storage) = &self.storage else {
            return Err("this page cannot keep data (storage is off or refused)".into());
        };
        storage.set_item(key, value).map_err(|err| {
            if error_name(&err).as_deref() == Some("QuotaExceededError") {
                "the browser's storage for this site is full".into()
            } else {
                "the browser refused to store it".into()
            }
        })
    }

    pub fn remove(&self, key: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(key);
        }
    }

    /// Moves a damaged value to `<key>.corrupt` (replacing an older one there), so it can still be
    /// recovered by hand, and frees its key.
    pub fn move_aside(&self, key: &str, text: &str) -> String {
        let aside = format!("{key}.corrupt");
        let kept = self.set(&aside, text).is_ok();
        self.remove(key);
        if kept {
            aside
        } else {
            String::new()
        }
    }
}

/// A DOMException's `name`.
fn error_name(err: &JsValue) -> Option<String> {
    js_sys::Reflect::get(err, &JsValue::from_str("name"))
        .ok()?
        .as_string()
}
