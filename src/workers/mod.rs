//! The two web workers, each a wasm of its own (`src/bin/`): the snippet worker generates code for every
//! target (the largest code in the app), the import worker reads curl, HAR and Postman. Off the page's
//! thread and out of its first load; the page holds only its end of each channel (`page::workers`).

pub mod import;
pub mod snippet;

/// A worker's main loop: each message from the page is answered with `answer(message)`. It says it listens
/// (`crate::protocol::READY`) once its handler is in place.
pub fn serve(answer: fn(&str) -> String) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                let _ = reply_to.post_message(&JsValue::from_str(&answer(&text)));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(crate::protocol::READY));
}
