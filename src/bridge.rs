//! The page's end of the library bridge. The library (draft autosave, history, collections, the examples
//! gallery, share links and embeds: `src/library/`) is a wasm module of its own, which the page loads once
//! it is interactive (see index.html), so none of it weighs on the first load. The two talk through one
//! object, `window.reqlab`, and two events on `window`:
//!
//! - `reqlab.last`: the newest snippet question's JSON (the edited request and the active environment,
//!   `worker::protocol::Ask`), updated on every edit, each update announced by a `reqlab:edit` event;
//! - `reqlab.sent`: finished sends not yet taken by the library, each `[question JSON, status, status
//!   text, milliseconds, body bytes received, first bytes of the body]`, announced by `reqlab:sent`; the
//!   library drains the list, so sends made before it loaded are not lost;
//! - `reqlab.open(json)`: the library hands the page a request to load, as an import answer (see
//!   `components::import`).
//!
//! Plain JS values both ways: the page builds no JSON of its own for this (serde costs page bytes).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How much of a response body the page hands over for the history (which keeps 64 KiB of text).
const BODY_PREFIX_BYTES: usize = 64 * 1024;

fn bridge() -> Option<Object> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"reqlab".into())
        .ok()
        .filter(JsValue::is_object)
        .map(Into::into)
}

fn announce(event: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(event)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Puts `window.reqlab` in place; `open` gets each JSON text the library hands over.
pub fn install(open: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let bridge = Object::new();
    let open = Closure::<dyn Fn(JsValue)>::new(move |text: JsValue| {
        if let Some(text) = text.as_string() {
            open(text)
        }
    });
    let _ = Reflect::set(&bridge, &"open".into(), open.as_ref());
    // Lives as long as the page.
    open.forget();
    let _ = Reflect::set(&bridge, &"sent".into(), &Array::new());
    let _ = Reflect::set(&window, &"reqlab".into(), &bridge);
}

/// The request was edited: `question` is the snippet question just asked for it.
pub fn edited(question: &str) {
    if let Some(bridge) = bridge() {
        let _ = Reflect::set(&bridge, &"last".into(), &question.into());
        announce("reqlab:edit");
    }
}

/// The request as the library last heard of it, taken when a send starts (what the history records).
pub fn current() -> JsValue {
    bridge()
        .and_then(|bridge| Reflect::get(&bridge, &"last".into()).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// A send finished: `question` is `current()` from when it started; status 0 with the error as its text
/// when it failed.
pub fn sent(question: JsValue, status: u16, status_text: &str, ms: f64, body: &[u8]) {
    let Some(list) = bridge().and_then(|bridge| Reflect::get(&bridge, &"sent".into()).ok()) else {
        return;
    };
    let prefix = &body[..body.len().min(BODY_PREFIX_BYTES)];
    let entry = Array::new();
    for value in [
        question,
        status.into(),
        status_text.into(),
        ms.into(),
        (body.len() as f64).into(),
        Uint8Array::from(prefix).into(),
    ] {
        entry.push(&value);
    }
    list.unchecked_into::<Array>().push(&entry);
    announce("reqlab:sent");
}
