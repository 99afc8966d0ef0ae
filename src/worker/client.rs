//! The page's half of the snippet worker: starts it, asks for the current request's snippet whenever the
//! request or the panel's choice change, and keeps the newest answer in a signal.

use super::protocol::{Answer, Ask, READY};
use crate::js_json::Json;
use leptos::prelude::*;
use reqlab_core::{Environment, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The loader trunk writes for the `snippet-worker` binary, relative to the page (works under a sub-path).
const WORKER_URL: &str = "./snippet-worker_loader.js";

#[derive(Clone, Copy)]
pub struct SnippetClient {
    /// The newest answer; `None` until the worker has answered once.
    pub answer: RwSignal<Option<Answer>>,
    /// Why there is no worker (the page was opened in a way that cannot start one).
    pub unavailable: RwSignal<Option<String>>,
    worker: StoredValue<Option<Worker>, LocalStorage>,
    seq: StoredValue<u64>,
    /// Whether the worker has said it listens (see `READY`); until then the newest question waits here.
    ready: StoredValue<bool>,
    waiting: StoredValue<Option<String>>,
}

impl SnippetClient {
    /// Starts the worker; answers arrive in `answer`.
    pub fn start() -> SnippetClient {
        let client = SnippetClient {
            answer: RwSignal::new(None),
            unavailable: RwSignal::new(None),
            worker: StoredValue::new_local(None),
            seq: StoredValue::new(0),
            ready: StoredValue::new(false),
            waiting: StoredValue::new(None),
        };
        match Worker::new(WORKER_URL) {
            Ok(worker) => {
                let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
                    let Some(text) = ev.data().as_string() else {
                        return;
                    };
                    if text == READY {
                        client.ready.set_value(true);
                        if let Some(question) =
                            client.waiting.try_update_value(Option::take).flatten()
                        {
                            client.post(&question);
                        }
                        return;
                    }
                    match read_answer(&text) {
                        // Only the answer to the newest question counts.
                        Some(answer) if answer.seq == client.seq.get_value() => {
                            client.answer.set(Some(answer))
                        }
                        Some(_) => {}
                        None => client.unavailable.set(Some(
                            "The snippet worker answered in a form this page does not read."
                                .to_string(),
                        )),
                    }
                });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                on_message.forget();
                let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                    client.unavailable.set(Some(
                        "The snippet generator could not start in this page.".to_string(),
                    ));
                });
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                on_error.forget();
                client.worker.set_value(Some(worker));
            }
            Err(_) => client.unavailable.set(Some(
                "This browser cannot start the snippet generator (no web workers).".to_string(),
            )),
        }
        client
    }

    /// Asks for the snippet of this request for `choice` (the panel's stored choice text); an earlier
    /// unanswered question is superseded.
    pub fn ask(&self, choice: String, request: Request, environment: Environment) {
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        let ask = Ask {
            seq,
            choice,
            request,
            environment,
        };
        let Ok(message) = serde_json::to_string(&ask) else {
            return;
        };
        if self.ready.get_value() {
            self.post(&message);
        } else {
            self.waiting.set_value(Some(message));
        }
    }

    fn post(&self, message: &str) {
        self.worker.with_value(|worker| {
            if let Some(worker) = worker {
                let _ = worker.post_message(&JsValue::from_str(message));
            }
        });
    }
}

/// Reads the worker's JSON answer with `JSON.parse` (see `js_json`: serde's reader would add about 15 KB to
/// the page); `None` when any member is missing or has another type.
pub fn read_answer(text: &str) -> Option<Answer> {
    let answer = Json::parse(text)?;
    let error = answer.get("error");
    Some(Answer {
        seq: answer.get("seq").whole((1 << 53) - 1)?,
        choice: answer.get("choice").string()?,
        languages: answer.get("languages").pairs()?,
        clients: answer.get("clients").pairs()?,
        values: answer.get("values").pairs()?,
        hidden: answer.get("hidden").strings()?,
        code: answer.get("code").string()?,
        runs: answer.get("runs").pairs()?,
        warnings: answer.get("warnings").strings()?,
        error: if error.is_null() {
            None
        } else {
            Some(error.string()?)
        },
    })
}
