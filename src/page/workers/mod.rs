//! The page's half of the two workers: starts the snippet worker, asks for the current request's snippet
//! whenever the request or the panel's choice change, and keeps the newest answer in a signal; and asks
//! the import worker (started on first use) to read imports, handing each answer to the one who asked.

mod channel;

use crate::page::js_json::{Json, Reader};
use crate::page::state;
use crate::protocol::import::{
    ExportAsk, ExportQuestion, ImportAnswer, ImportAsk, ImportQuestion, IMPORT_WORKER,
};
use crate::protocol::library::Draft;
use crate::protocol::snippet::{Answer, Ask};
use channel::Channel;
use leptos::prelude::*;

/// The loader trunk writes for the snippet worker, relative to the page (works under a sub-path). The import
/// worker's is `protocol::import::IMPORT_WORKER`: import parsing (curl, HAR, Postman) is as large as all the
/// snippet targets together, and most visits never import, so that worker starts on the first import
/// question, not with the page.
const SNIPPET_WORKER: &str = "./snippet-worker_loader.js";

/// The page's end of both workers: the snippet worker (started with the page) and the import worker
/// (started on the first import or export).
#[derive(Clone, Copy)]
pub struct Workers {
    /// The newest answer; `None` until the worker has answered once.
    pub answer: RwSignal<Option<Answer>>,
    /// Why there is no worker (the page was opened in a way that cannot start one).
    pub unavailable: RwSignal<Option<String>>,
    snippets: StoredValue<Option<Channel>>,
    seq: StoredValue<u64>,
    imports: StoredValue<Option<Channel>>,
    /// The newest import question's number and who gets its answer; earlier ones are superseded.
    import_seq: StoredValue<u64>,
    on_import: StoredValue<Option<OnImport>, LocalStorage>,
    on_export: StoredValue<Option<OnExport>, LocalStorage>,
}

/// Who gets the answer to an import question.
type OnImport = Box<dyn FnOnce(ImportAnswer)>;
/// Who gets an export: the HAR text, or why there is none.
type OnExport = Box<dyn FnOnce(Result<String, String>)>;

/// Why an import cannot be read: imports are read in a worker.
const NO_IMPORTER: &str = "The importer could not start in this page (it needs a web worker).";

impl Workers {
    /// Starts the snippet worker; answers arrive in `answer`.
    pub fn start() -> Workers {
        let client = Workers {
            answer: RwSignal::new(None),
            unavailable: RwSignal::new(None),
            snippets: StoredValue::new(None),
            seq: StoredValue::new(0),
            imports: StoredValue::new(None),
            import_seq: StoredValue::new(0),
            on_import: StoredValue::new_local(None),
            on_export: StoredValue::new_local(None),
        };
        let on_answer = move |text: String| {
            match read_answer(&text) {
                // Only the answer to the newest question counts.
                Some(answer) if answer.seq == client.seq.get_value() => {
                    client.answer.set(Some(answer))
                }
                Some(_) => {}
                None => client.unavailable.set(Some(
                    "The snippet worker answered in a form this page does not read.".to_string(),
                )),
            }
        };
        let on_error = move || {
            client.unavailable.set(Some(
                "The snippet generator could not start in this page.".to_string(),
            ))
        };
        // An embed without the snippet panel (`data-embed=""`, set by index.html) shows no snippet: its
        // worker, the largest download after the page, is not started at all.
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if root.is_some_and(|root| root.get_attribute("data-embed").as_deref() == Some("")) {
            return client;
        }
        match Channel::start(SNIPPET_WORKER, on_answer, on_error) {
            Some(channel) => client.snippets.set_value(Some(channel)),
            None => client.unavailable.set(Some(
                "This browser cannot start the snippet generator (no web workers).".to_string(),
            )),
        }
        client
    }

    /// Asks for the snippet of this request for `choice` (the panel's stored choice text); an earlier
    /// unanswered question is superseded.
    pub fn ask(&self, choice: String, draft: Draft) {
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        // The library (draft autosave) hears what the editor holds on every ask: the page asks whenever the
        // request or the variables change.
        crate::page::bridge::edited(&draft);
        let ask = Ask { seq, choice, draft };
        if let (Ok(message), Some(channel)) =
            (serde_json::to_string(&ask), self.snippets.get_value())
        {
            channel.post(message);
        }
    }

    /// Asks the import worker (started now if it is not yet) to read `ask.text` (its `seq` is set here);
    /// `done` gets the answer, unless a newer import question comes first. Without a worker, `done` hears
    /// why at once.
    pub fn import(&self, ask: ImportAsk, done: impl FnOnce(ImportAnswer) + 'static) {
        let seq = self.import_seq.get_value() + 1;
        self.import_seq.set_value(seq);
        self.on_import.set_value(Some(Box::new(done)));
        let question = ImportQuestion {
            import: ImportAsk { seq, ..ask },
        };
        match (serde_json::to_string(&question), self.import_channel()) {
            (Ok(message), Some(channel)) => channel.post(message),
            _ => self.import_failed(),
        }
    }

    /// The import worker, started on first use.
    fn import_channel(&self) -> Option<Channel> {
        if let Some(channel) = self.imports.get_value() {
            return Some(channel);
        }
        let client = *self;
        // An import answer is `{"import": …}`; an export's is `{"export": "<HAR>"}` or `{"error": "…"}`.
        let on_answer = move |text: String| {
            let json = Json::parse(&text);
            let import = json.as_ref().map(|json| json.get("import"));
            match import.filter(|import| !import.is_null()) {
                Some(import) => client.import_answered(read_import_answer(&import)),
                None => {
                    let member =
                        |name: &str| json.as_ref().and_then(|json| json.get(name).string());
                    client.exported(
                        member("export").ok_or_else(|| member("error").unwrap_or_default()),
                    );
                }
            }
        };
        let on_error = move || {
            client.import_failed();
            client.exported(Err(NO_IMPORTER.into()));
        };
        let channel = Channel::start(IMPORT_WORKER, on_answer, on_error)?;
        self.imports.set_value(Some(channel));
        Some(channel)
    }

    /// Asks the import worker for the request (and its response) as a HAR log; `done` gets its text, or why
    /// there is none.
    pub fn export(&self, ask: ExportAsk, done: impl FnOnce(Result<String, String>) + 'static) {
        self.on_export.set_value(Some(Box::new(done)));
        match (
            serde_json::to_string(&ExportQuestion { export: ask }),
            self.import_channel(),
        ) {
            (Ok(message), Some(channel)) => channel.post(message),
            _ => self.exported(Err(NO_IMPORTER.into())),
        }
    }

    fn exported(&self, result: Result<String, String>) {
        if let Some(done) = self.on_export.try_update_value(Option::take).flatten() {
            done(result);
        }
    }

    /// Tells the newest import question's asker that no worker can read it.
    fn import_failed(&self) {
        self.import_answered(Some(ImportAnswer {
            seq: self.import_seq.get_value(),
            error: Some(NO_IMPORTER.into()),
            ..ImportAnswer::default()
        }));
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
        browser_limit: answer.get("browser_limit").bool()?,
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
