//! The view's end of its worker: the same module started again as a module worker (`REFERENCE_WORKER`, which imports
//! it, so the browser downloads it once), questions held until it says it listens.

use crate::protocol::reference::{Ask, Reply};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

#[derive(Clone)]
pub struct Client {
    worker: Worker,
    /// Questions asked before the worker listens; `None` once it does.
    waiting: Rc<RefCell<Option<Vec<String>>>>,
}

impl Client {
    /// Starts the worker; each reply goes to `on_reply`. `None` where no module worker can start.
    pub fn start(on_reply: impl Fn(Reply) + 'static) -> Option<Client> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker =
            Worker::new_with_options(crate::protocol::import::REFERENCE_WORKER, &options).ok()?;
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
