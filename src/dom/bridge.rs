//! `window.reqlab` (index.html's object, see `page::bridge`) as the bundles loaded beside the page reach it:
//! the library, the live view and the auth bundle read its fields, read the drafts the page announces, and
//! leave it messages to take.

use crate::protocol::library::Draft;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// index.html's object, if the page defines it.
pub fn reqlab() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"reqlab".into())
        .ok()
        .filter(JsValue::is_object)
}

/// A field of `object`; undefined when it has none.
pub fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The draft the page left in the field `name` (`last` while editing, `asked` for the send under way).
pub fn draft(name: &str) -> Option<Draft> {
    serde_json::from_str(&field(&reqlab()?, name).as_string()?).ok()
}

/// Leaves `message` (JSON) for the page to take (`reqlab.take()`) and announces it with `event`.
pub fn hand_over(message: &str, event: &str) {
    let Some(bridge) = reqlab() else {
        return;
    };
    let _ = Reflect::set(&bridge, &"opened".into(), &JsValue::from_str(message));
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(event)) {
        let _ = window.dispatch_event(&event);
    }
}
