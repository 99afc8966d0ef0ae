//! The view's end of its worker: the same module started again as a module worker (a blob that imports it
//! by its own address, so the browser downloads it once), questions held until it says it listens.

use crate::protocol::reference::{Ask, Reply};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker, WorkerOptions, WorkerType};

#[derive(Clone)]
pub struct Client {
    worker: Worker,
    /// Questions asked before the worker listens; `None` once it does.
    waiting: Rc<RefCell<Option<Vec<String>>>>,
}

impl Client {
    /// Starts the worker; each reply goes to `on_reply`. `None` where no module worker can start.
    pub fn start(on_reply: impl Fn(Reply) + 'static) -> Option<Client> {
        let href = web_sys::window()?.location().href().ok()?;
        let module = Url::new_with_base("./reference.js", &href).ok()?.href();
        // `href` is percent-encoded ASCII, so Rust's quoting of it is a valid JS string.
        let source = format!("import start from {module:?}; start();");
        let options = BlobPropertyBag::new();
        options.set_type("text/javascript");
        let parts = js_sys::Array::of1(&JsValue::from_str(&source));
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let worker_options = WorkerOptions::new();
        worker_options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &worker_options).ok()?;
        let client = Client {
            worker,
            waiting: Rc::new(RefCell::new(Some(Vec::new()))),
        };
        let listening = client.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            if text == crate::protocol::READY {
                let waiting = listening.waiting.borrow_mut().take();
                for question in waiting.unwrap_or_default() {
                    let _ = listening.worker.post_message(&JsValue::from_str(&question));
                }
            } else if let Ok(reply) = serde_json::from_str::<Reply>(&text) {
                on_reply(reply);
            }
        });
        client
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        Some(client)
    }

    /// Ends the worker (and whatever description it holds).
    pub fn stop(&self) {
        self.worker.terminate();
    }

    pub fn ask(&self, ask: &Ask) {
        let Ok(text) = serde_json::to_string(ask) else {
            return;
        };
        match self.waiting.borrow_mut().as_mut() {
            Some(waiting) => waiting.push(text),
            None => {
                let _ = self.worker.post_message(&JsValue::from_str(&text));
            }
        }
    }
}
