//! One web worker seen from the page: started from the loader trunk writes for it, its messages handed on,
//! and the newest question held until it says it listens (a message posted to a worker before its wasm
//! has started is dispatched to no handler and lost; see `protocol::READY`).

use crate::protocol::READY;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

#[derive(Clone, Copy)]
pub struct Channel {
    worker: StoredValue<Option<Worker>, LocalStorage>,
    ready: StoredValue<bool>,
    /// The newest question asked before the worker listened; an earlier one is superseded.
    waiting: StoredValue<Option<String>>,
}

impl Channel {
    /// Starts the worker whose loader is at `url` (relative to the page, so it works under a sub-path).
    /// `on_message` gets every message but the ready signal; `on_error` runs when the worker fails to load
    /// or throws. `None` when this browser cannot start a worker.
    pub fn start(
        url: &str,
        on_message: impl Fn(String) + 'static,
        on_error: impl Fn() + 'static,
    ) -> Option<Channel> {
        let worker = Worker::new(url).ok()?;
        let channel = Channel {
            worker: StoredValue::new_local(None),
            ready: StoredValue::new(false),
            waiting: StoredValue::new(None),
        };
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            if text == READY {
                channel.ready.set_value(true);
                if let Some(question) = channel.waiting.try_update_value(Option::take).flatten() {
                    channel.send(&question);
                }
            } else {
                on_message(text);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| on_error());
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        channel.worker.set_value(Some(worker));
        Some(channel)
    }

    /// Posts `message` now, or once the worker listens.
    pub fn post(&self, message: String) {
        if self.ready.get_value() {
            self.send(&message);
        } else {
            self.waiting.set_value(Some(message));
        }
    }

    fn send(&self, message: &str) {
        self.worker.with_value(|worker| {
            if let Some(worker) = worker {
                let _ = worker.post_message(&JsValue::from_str(message));
            }
        });
    }
}
