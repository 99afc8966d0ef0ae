//! The offline shell: registers `sw.js` (see public/sw.js), which caches the app's files so that after one
//! visit the app loads with the network off. Done here, once the page is interactive, so that the service
//! worker's install never competes with the page's own first load, and the page carries none of it.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;

pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(container) = Reflect::get(&window.navigator(), &"serviceWorker".into()) else {
        return;
    };
    // Browsers without service workers, and pages not served over http(s), have none.
    if !container.is_object() {
        return;
    }
    let Some(register) = Reflect::get(&container, &"register".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    if let Ok(promise) = register.call1(&container, &"./sw.js".into()) {
        // A refused registration only means no offline copy; nothing to tell.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = Promise::from(promise).catch(&ignore);
        ignore.forget();
    }
}
