//! Entry point of the snippet worker (a web worker, built by trunk as its own wasm): answers each message
//! from the page with the snippet it asks for. See `worker::protocol`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                let reply = reqlab_web::worker::protocol::answer(&text);
                let _ = reply_to.post_message(&JsValue::from_str(&reply));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(reqlab_web::worker::protocol::READY));
}
