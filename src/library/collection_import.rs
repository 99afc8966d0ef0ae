//! A whole Postman collection, HAR log, .http file or OpenAPI description into Collections, from the
//! Collections panel: its folders kept (see `Collections::add_collection`), its variables as an
//! environment. The file is read by the import worker (`importer`), an OpenAPI description by the API
//! reference's worker, which also re-syncs a newer version of one imported before: the importers would add
//! tens of KB to the library, which every first visit downloads.

use super::collections_view::changed;
use super::markup::id;
use super::{page, Lib};
use crate::dom::document as dom;
use crate::protocol::import::{CollectionAnswer, CollectionAsk, LibraryQuestion, OpenApiAsk};
use reqlab_core::Environment;

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
            let Some(text) = dom::file_text(&file).await else {
                return failed(&format!("{} could not be read.", file.name()));
            };
            if reqlab_core::import::sniff::looks_like_openapi(&text) {
                return openapi(&lib, text);
            }
            let question = LibraryQuestion {
                collection: Some(CollectionAsk { text }),
                ..LibraryQuestion::default()
            };
            super::importer::ask(question, move |reply| {
                match (reply.collection, reply.error) {
                    (Some(answer), None) => answered(&lib, answer),
                    (_, why) => failed(why.as_deref().unwrap_or_default()),
                }
            });
        });
    });
}

/// An OpenAPI description: read, added (or re-synced with the folders an earlier version of it made) by
/// the API reference's worker, which carries the reader; the collections come back whole.
fn openapi(lib: &Lib, text: String) {
    dom::set_text(id::COLLECTION_STATUS, "Reading the OpenAPI description…");
    let question = LibraryQuestion {
        openapi: Some(OpenApiAsk {
            text,
            base: web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default(),
            collections: lib.collections.borrow().clone(),
        }),
        ..LibraryQuestion::default()
    };
    let lib = lib.clone();
    super::importer::ask(question, move |reply| {
        let (Some(collections), Some(answer), None) =
            (reply.collections, reply.collection, &reply.error)
        else {
            return failed(reply.error.as_deref().unwrap_or_default());
        };
        *lib.collections.borrow_mut() = collections;
        changed(&lib, Ok(()));
        done(&reply.text.unwrap_or_default(), &answer.warnings);
        activate(Environment {
            name: answer.name,
            variables: answer.variables,
        });
    });
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
    let requests = if added == 1 {
        "1 request".to_string()
    } else {
        format!("{added} requests")
    };
    let sentence = format!("Imported {requests} from “{}”.", answer.name);
    done(&sentence, &answer.warnings);
    activate(Environment {
        name: answer.name,
        variables: answer.variables,
    });
}

/// Says what an import did, and what it left out.
fn done(sentence: &str, left_out: &[String]) {
    let warnings = match left_out.len() {
        0 => String::new(),
        1 => format!(" Left out: {}", left_out[0]),
        n => format!(" {n} things were left out: {}", left_out.join(" ")),
    };
    dom::set_text(id::COLLECTION_STATUS, &format!("{sentence}{warnings}"));
}

/// Makes an imported collection's variables the active environment, beside the request in the editor,
/// as Postman resolves them.
fn activate(environment: Environment) {
    if environment.variables.is_empty() {
        return;
    }
    if let Some(draft) = page::edited() {
        let summary = format!(
            "The variables of the collection “{}” are in the environment of that name, now the active one.",
            environment.name
        );
        page::open(&draft.request, Some(environment), &summary, draft.saved);
    }
}

fn failed(why: &str) {
    dom::set_text(id::COLLECTION_STATUS, "");
    dom::set_text(id::COLLECTIONS_PROBLEM, why);
}
