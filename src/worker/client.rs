//! The page's half of the snippet worker: starts it, asks for the current request's snippet whenever the
//! request or the panel's choice change, and keeps the newest answer in a signal; and asks it to read
//! imports, handing each answer to the one who asked.

use super::protocol::{Answer, Ask, ImportAnswer, ImportAsk, ImportQuestion, READY};
use crate::js_json::{Json, Reader};
use crate::state;
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
    /// Whether the worker has said it listens (see `READY`); until then the newest question of each kind
    /// waits here.
    ready: StoredValue<bool>,
    waiting: StoredValue<Option<String>>,
    waiting_import: StoredValue<Option<String>>,
    /// The newest import question's number and who gets its answer; earlier ones are superseded.
    import_seq: StoredValue<u64>,
    on_import: StoredValue<Option<OnImport>, LocalStorage>,
}

/// Who gets the answer to an import question.
type OnImport = Box<dyn FnOnce(ImportAnswer)>;

/// Why an import cannot be read: imports are read in the worker.
const NO_IMPORTER: &str = "The importer could not start in this page (it needs a web worker).";

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
            waiting_import: StoredValue::new(None),
            import_seq: StoredValue::new(0),
            on_import: StoredValue::new_local(None),
        };
        match Worker::new(WORKER_URL) {
            Ok(worker) => {
                let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
                    let Some(text) = ev.data().as_string() else {
                        return;
                    };
                    if text == READY {
                        client.ready.set_value(true);
                        for waiting in [client.waiting, client.waiting_import] {
                            if let Some(question) = waiting.try_update_value(Option::take).flatten()
                            {
                                client.post(&question);
                            }
                        }
                        return;
                    }
                    let json = Json::parse(&text);
                    let import = json.as_ref().map(|json| json.get("import"));
                    if let Some(import) = import.filter(|import| !import.is_null()) {
                        client.import_answered(read_import_answer(&import));
                        return;
                    }
                    match json.as_ref().and_then(read_answer_json) {
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
                    // An import question still waiting would otherwise never hear back.
                    client.import_answered(Some(ImportAnswer {
                        seq: client.import_seq.get_value(),
                        error: Some(NO_IMPORTER.into()),
                        ..ImportAnswer::default()
                    }));
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
        if let Ok(message) = serde_json::to_string(&ask) {
            self.post_when_ready(message, self.waiting);
        }
    }

    /// Asks the worker to read `ask.text` (its `seq` is set here); `done` gets the answer, unless a newer
    /// import question comes first. Without a worker, `done` hears why at once.
    pub fn import(&self, ask: ImportAsk, done: impl FnOnce(ImportAnswer) + 'static) {
        let seq = self.import_seq.get_value() + 1;
        self.import_seq.set_value(seq);
        self.on_import.set_value(Some(Box::new(done)));
        if self.unavailable.with_untracked(Option::is_some) {
            self.import_answered(Some(ImportAnswer {
                seq,
                error: Some(NO_IMPORTER.into()),
                ..ImportAnswer::default()
            }));
            return;
        }
        let question = ImportQuestion {
            import: ImportAsk { seq, ..ask },
        };
        if let Ok(message) = serde_json::to_string(&question) {
            self.post_when_ready(message, self.waiting_import);
        }
    }

    /// Hands the newest question's answer to its asker; an answer the page cannot read still tells them.
    fn import_answered(&self, answer: Option<ImportAnswer>) {
        let seq = self.import_seq.get_value();
        let answer = answer.unwrap_or_else(|| ImportAnswer {
            seq,
            error: Some("The import worker answered in a form this page does not read.".into()),
            ..ImportAnswer::default()
        });
        if answer.seq != seq {
            return;
        }
        // Taken out before the call: each question is answered once, and the callback may ask again.
        if let Some(done) = self.on_import.try_update_value(Option::take).flatten() {
            done(answer);
        }
    }

    fn post_when_ready(&self, message: String, waiting: StoredValue<Option<String>>) {
        if self.ready.get_value() {
            self.post(&message);
        } else {
            waiting.set_value(Some(message));
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
    read_answer_json(&Json::parse(text)?)
}

fn read_answer_json(answer: &Json) -> Option<Answer> {
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

/// Reads the `import` member of the worker's import reply, as `read_answer` reads a snippet answer.
pub fn read_import_answer(json: &Json) -> Option<ImportAnswer> {
    let read = Reader::default();
    let request = json.get("request");
    let environment = json.get("environment");
    let error = json.get("error");
    let answer = ImportAnswer {
        seq: read.check(json.get("seq").whole((1 << 53) - 1)),
        format: read.required(json, "format"),
        summary: read.required(json, "summary"),
        request: (!request.is_null()).then(|| state::request(&read, &request)),
        environment: (!environment.is_null()).then(|| state::environment(&read, &environment)),
        choices: read.check(json.get("choices").pairs()),
        picked: read.required(json, "picked"),
        warnings: read.check(json.get("warnings").strings()),
        error: (!error.is_null()).then(|| read.check(error.string())),
    };
    read.finish(answer)
}
