//! The app's end of `public/embed.js`, for a page shown in someone's documentation: it says it listens
//! (`{reqlab: "ready"}` to the embedding page), and takes the light or dark scheme that page sends
//! (`{reqlab: "theme", theme}`) as its own, so that the embed follows it without reloading.

use super::document::{document, listen};
use wasm_bindgen::JsCast;

/// Says the app listens (when it is framed) and follows the embedding page's theme from now on.
pub fn follow_theme() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(parent)) = window.parent() {
        if parent != window {
            let ready = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&ready, &"reqlab".into(), &"ready".into());
            // Nothing private: any page that frames the app may hear that it listens.
            let _ = parent.post_message(&ready, "*");
        }
    }
    listen(&window, "message", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = ev.data();
        let field = |name: &str| {
            js_sys::Reflect::get(&data, &name.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if let (Some(kind), Some(theme)) = (field("reqlab"), field("theme")) {
            if kind == "theme" && (theme == "light" || theme == "dark") {
                if let Some(root) = document().and_then(|d| d.document_element()) {
                    let _ = root.set_attribute("data-theme", &theme);
                }
            }
        }
    });
}
