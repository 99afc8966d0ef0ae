//! A whole Postman collection or HAR log into Collections, from the Collections panel: its folders kept
//! (see `Collections::add_collection`), its variables as an environment. The file is read by the import
//! worker (`importer`): the importers would add tens of KB to the library, which every first visit
//! downloads.

use super::collections_view::changed;
use super::markup::id;
use super::{page, Lib};
use crate::dom::document as dom;
use crate::protocol::import::{CollectionAnswer, CollectionAsk, LibraryQuestion};
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
