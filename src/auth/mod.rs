//! The auth bundle: the Auth tab's form and the auth made at send time (Digest, AWS Signature, OAuth 2.0).
//! A wasm module of its own (`src/bin/auth.rs`), imported by index.html when the Auth tab first opens or a
//! send needs it, so none of it, nor core's hashes and signer, weighs on the page. It meets the page at
//! `window.reqlab` (`bridge`, `protocol::auth`): it fills each `<reqlab-auth>` element the page's Auth tab
//! holds, hands edited settings back as a `ToPage::Auth`, and answers `authorize` for each send.
//!
//! OAuth 2.0 sign-ins come back through `public/oauth-callback.html`, which posts the address the provider
//! sent it to (to its opener, and on a `BroadcastChannel` for browsers that cut the opener).

mod authorize;
mod bridge;
mod flows;
mod form;
mod http;
pub mod markup;
mod tokens;

pub use authorize::authorize;

use crate::dom::document::on_window;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The form's styles, put in the page when the bundle starts (the page's own CSS does not carry them).
const STYLE: &str = include_str!("../../style/auth.css");

/// What the callback page posts, and the channel it also posts on.
const CALLBACK_KIND: &str = "reqlab-oauth";

pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    crate::dom::document::add_style(STYLE);
    mount_forms(&document);
    // The Auth tab mounts its `<reqlab-auth>` each time it opens: fill each new one.
    let observed = document.clone();
    let observer = Closure::<dyn FnMut()>::new(move || mount_forms(&observed));
    if let (Ok(watch), Some(body)) = (
        web_sys::MutationObserver::new(observer.as_ref().unchecked_ref()),
        document.body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = watch.observe_with_options(&body, &options);
    }
    observer.forget();
    on_window("reqlab:edit", |_| form::draft_announced());
    // The Auth tab chosen again: its form catches up with the edits made while it was hidden.
    on_window("focusin", |ev| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.id() == "tab-auth");
        if chosen {
            form::catch_up();
        }
    });
    on_window("message", |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() {
            let own = web_sys::window().and_then(|w| w.location().origin().ok());
            if Some(ev.origin()) == own {
                callback(&ev.data());
            }
        }
    });
    if let Ok(channel) = web_sys::BroadcastChannel::new(CALLBACK_KIND) {
        let heard =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
                callback(&ev.data())
            });
        channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
        heard.forget();
        std::mem::forget(channel);
    }
}

fn mount_forms(document: &web_sys::Document) {
    if let Ok(list) = document.query_selector_all("reqlab-auth:not([data-ready])") {
        for i in 0..list.length() {
            if let Some(element) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                form::mount(&element);
            }
        }
    }
}

/// The callback page's message: `{kind: "reqlab-oauth", url}`.
fn callback(data: &JsValue) {
    let field = |name: &str| {
        Reflect::get(data, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if field("kind").as_deref() != Some(CALLBACK_KIND) {
        return;
    }
    if let Some(url) = field("url") {
        // Both the opener and the channel may deliver it: the second finds no sign-in waiting.
        let _ = flows::returned(&url);
    }
}
