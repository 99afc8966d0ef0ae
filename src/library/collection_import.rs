//! A whole Postman collection or HAR log into Collections, from the Collections dialog: its folders kept
//! (see `Collections::add_collection`), its variables as an environment. The file is read by the import
//! worker, which the library starts on the first such import: the importers would add tens of KB to the
//! library, which every first visit downloads.

use super::collections_view::changed;
use super::markup::id;
use super::{page, Lib};
use crate::dom::document as dom;
use crate::protocol::import::IMPORT_WORKER;
use crate::protocol::import::{
    CollectionAnswer, CollectionAsk, CollectionQuestion, CollectionReply,
};
use crate::protocol::READY;
use reqlab_core::Environment;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The import worker once started, and the question waiting for it to listen.
struct Importer {
    worker: Worker,
    ready: bool,
    waiting: Option<String>,
}

thread_local! {
    static IMPORTER: RefCell<Option<Importer>> = const { RefCell::new(None) };
}

pub fn wire(lib: &Lib) {
    let lib = lib.clone();
    dom::on(id::COLLECTION_FILE, "change", move |ev| {
        let Some(file) = dom::take_chosen_file(&ev) else {
            return;
        };
        dom::set_text(id::COLLECTIONS_PROBLEM, "");
        dom::set_text(id::COLLECTION_STATUS, &format!("Reading {}…", file.name()));
        let lib = lib.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match dom::file_text(&file).await {
                Some(text) => ask(&lib, text),
                None => failed(&format!("{} could not be read.", file.name())),
            }
        });
    });
}

/// Posts the file's text to the import worker (started now if it is not yet).
fn ask(lib: &Lib, text: String) {
    let question = CollectionQuestion {
        collection: CollectionAsk { text },
    };
    let Ok(message) = serde_json::to_string(&question) else {
        return;
    };
    IMPORTER.with(|importer| {
        let mut importer = importer.borrow_mut();
        if importer.is_none() {
            *importer = start(lib);
        }
        match importer.as_mut() {
            Some(importer) if importer.ready => {
                let _ = importer.worker.post_message(&JsValue::from_str(&message));
            }
            Some(importer) => importer.waiting = Some(message),
            None => failed("This browser could not start the importer (no web workers)."),
        }
    });
}

fn start(lib: &Lib) -> Option<Importer> {
    let worker = Worker::new(IMPORT_WORKER).ok()?;
    let lib = lib.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let Some(text) = ev.data().as_string() else {
            return;
        };
        if text == READY {
            IMPORTER.with(|importer| {
                if let Some(importer) = importer.borrow_mut().as_mut() {
                    importer.ready = true;
                    if let Some(message) = importer.waiting.take() {
                        let _ = importer.worker.post_message(&JsValue::from_str(&message));
                    }
                }
            });
            return;
        }
        match serde_json::from_str::<CollectionReply>(&text) {
            Ok(reply) => answered(&lib, reply.collection),
            Err(err) => failed(&format!(
                "The importer answered in a form the library does not read: {err}"
            )),
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page, as the worker does.
    on_message.forget();
    Some(Importer {
        worker,
        ready: false,
        waiting: None,
    })
}

/// Adds what was read to the collections, its variables as the active environment, and says so.
fn answered(lib: &Lib, answer: CollectionAnswer) {
    if let Some(why) = &answer.error {
        return failed(why);
    }
    let added = lib
        .collections
        .borrow_mut()
        .add_folders(&answer.name, answer.folders);
    changed(lib, Ok(()));
    let warnings = match answer.warnings.len() {
        0 => String::new(),
        1 => format!(" Left out: {}", answer.warnings[0]),
        n => format!(" {n} things were left out: {}", answer.warnings.join(" ")),
    };
    let requests = if added == 1 {
        "1 request".to_string()
    } else {
        format!("{added} requests")
    };
    dom::set_text(
        id::COLLECTION_STATUS,
        &format!("Imported {requests} from “{}”.{warnings}", answer.name),
    );
    if answer.variables.is_empty() {
        return;
    }
    // The collection's variables, as Postman resolves them: an environment of its name, made active beside
    // the request in the editor.
    if let Some(draft) = page::edited() {
        let summary = format!(
            "The variables of the collection “{}” are in the environment of that name, now the active one.",
            answer.name
        );
        let environment = Environment {
            name: answer.name,
            variables: answer.variables,
        };
        page::open(&draft.request, Some(environment), &summary, draft.saved);
    }
}

fn failed(why: &str) {
    dom::set_text(id::COLLECTION_STATUS, "");
    dom::set_text(id::COLLECTIONS_PROBLEM, why);
}
