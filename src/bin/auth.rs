//! Entry point of the auth bundle (the Auth tab's form, Digest, AWS Signature and OAuth 2.0), built by trunk
//! as a wasm module of its own and imported by index.html on first use.

use wasm_bindgen::prelude::*;

fn main() {
    reqlab_web::auth::start();
}

/// The auth for the request the page announced with its send (`protocol::auth`): a Promise of an
/// `Authorized` in JSON.
#[wasm_bindgen]
pub fn authorize(via_echo: bool, body: Vec<u8>, content_type: String) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let answer = reqlab_web::auth::authorize(via_echo, body, content_type).await;
        Ok(JsValue::from_str(
            &serde_json::to_string(&answer).unwrap_or_default(),
        ))
    })
}
