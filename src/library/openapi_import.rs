//! An OpenAPI or Swagger description into Collections, read by the API reference's worker (the reader is
//! that module's; the library stays small): a folder per tag, the servers as an environment. A newer
//! version of a description imported before re-syncs the requests it made (`Collections::resync`):
//! operations that did not change keep the user's edits, and the status says what was added, removed
//! and changed.

use super::collection_import::{activate, done, failed};
use super::collections_view::changed;
use super::Lib;
use crate::protocol::reference::{Ask, Reply};
use crate::reference::client::Client;
use reqlab_core::import::openapi::ServerChoice;
use reqlab_core::library::collections::Collections;
use reqlab_core::{Collection, Environment};
use std::cell::RefCell;
use std::rc::Rc;

pub fn import(lib: &Lib, text: String) {
    crate::dom::document::set_text(
        super::markup::id::COLLECTION_STATUS,
        "Reading the OpenAPI description…",
    );
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let slot: Rc<RefCell<Option<Client>>> = Rc::new(RefCell::new(None));
    let (lib, this) = (lib.clone(), slot.clone());
    let client = Client::start(move |reply| {
        let client = this.borrow().clone();
        match reply {
            // Read: now the requests, for the first server (an environment variable holds its address,
            // to change later in one place).
            Reply::Summary { base, .. } => {
                if let Some(client) = &client {
                    client.ask(&Ask::Collection {
                        server: ServerChoice {
                            base,
                            ..ServerChoice::default()
                        },
                    });
                }
            }
            Reply::Collection {
                collection,
                environment,
                warnings,
            } => {
                add(&lib, &collection, environment, &warnings);
                stop(client);
            }
            Reply::Failed { message } => {
                failed(&message);
                stop(client);
            }
            _ => {}
        }
    });
    let Some(client) = client else {
        return failed(
            "The OpenAPI reader could not start in this page (it needs module workers).",
        );
    };
    client.ask(&Ask::Text { text, base });
    *slot.borrow_mut() = Some(client);
}

fn stop(client: Option<Client>) {
    if let Some(client) = client {
        client.stop();
    }
}

/// Adds the collection, or re-syncs the one imported from an earlier version of the description.
fn add(lib: &Lib, collection: &Collection, environment: Environment, warnings: &[String]) {
    let (name, folders) = Collections::flatten(collection);
    let known = lib.collections.borrow().imported_roots().contains(&name);
    let sentence = if known {
        lib.collections
            .borrow_mut()
            .resync(&name, collection)
            .sentence()
    } else {
        let added = lib.collections.borrow_mut().add_folders(&name, folders);
        format!(
            "Imported {added} {} from the OpenAPI description “{name}”.",
            if added == 1 { "request" } else { "requests" }
        )
    };
    changed(lib, Ok(()));
    done(&sentence, warnings);
    activate(environment);
}
