//! Snippet stage, off the main thread: generating code for every target is the largest code in the app, so
//! it runs in a web worker built as its own wasm. The page loads only the small client half; the worker
//! loads in the background, keeping the first load small and typing smooth.

pub mod channel;
pub mod choice;
pub mod client;
pub mod import;
pub mod protocol;

/// A worker's main loop: each message from the page is answered with `answer(message)`. It says it listens
/// (`protocol::READY`) once its handler is in place.
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
    let _ = scope.post_message(&JsValue::from_str(protocol::READY));
}
