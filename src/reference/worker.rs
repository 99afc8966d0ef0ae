//! The reference view's worker: the same wasm as the view, started as a module worker, so reading a large
//! description (GitHub's REST API: 10 MB of JSON) and documenting its operations never blocks the page.
//! Keeps the description read last and answers `protocol::reference::Ask`s about it.

use super::link::{self, Fragment};
use super::{doc_html, import, overview, sidebar};
use crate::protocol::reference::{Ask, Reply};
use reqlab_core::import::openapi::{self, Api, ServerChoice};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

thread_local! {
    /// The description read last, with its address.
    static API: RefCell<Option<(Api, String)>> = const { RefCell::new(None) };
}

pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let Some(text) = ev.data().as_string() else {
            return;
        };
        // The library's question (an import into its collections), in the envelope it sends the import
        // worker too: answered in its `LibraryReply`.
        if let Ok(import::Envelope {
            library: import::Question { openapi: Some(ask) },
        }) = serde_json::from_str(&text)
        {
            let reply = import::answer(ask);
            return post_text(&serde_json::to_string(&reply).unwrap_or_default());
        }
        let Ok(ask) = serde_json::from_str::<Ask>(&text) else {
            return;
        };
        match ask {
            Ask::Load { url, fragment } => wasm_bindgen_futures::spawn_local(async move {
                let reply = match fetch_text(&url).await {
                    Ok(text) => read(&text, &url, &fragment),
                    Err(message) => Reply::Failed { message },
                };
                post(&reply);
            }),
            ask => post(&answer(ask)),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(crate::protocol::READY));
}

fn post(reply: &Reply) {
    if let Ok(text) = serde_json::to_string(reply) {
        post_text(&text);
    }
}

fn post_text(text: &str) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&JsValue::from_str(text));
}

/// Milliseconds since the epoch, comparable with the page's (`timeOrigin + now()`).
fn epoch_ms() -> f64 {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.time_origin() + p.now())
}

/// The description's text, or why there is none, as a sentence.
async fn fetch_text(url: &str) -> Result<String, String> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let unreachable = |error: JsValue| {
        let why = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        format!(
            "The description at {url} could not be fetched ({why}). If it is on another site, that site \
             must allow this page to read it (CORS); otherwise download it and choose the file."
        )
    };
    let response: Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(unreachable)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "The description at {url} answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?;
    text.as_string()
        .ok_or_else(|| format!("The description at {url} is not text."))
}

/// Reads a description, keeps it for the questions that follow, and makes the view's markup of it: the
/// sidebar (its links keep the other parts of the page's `fragment`), the overview, the servers.
fn read(text: &str, base: &str, fragment: &str) -> Reply {
    let received = epoch_ms();
    match openapi::read(text) {
        Ok(api) => {
            let summary = &api.summary;
            let fragment = Fragment::parse(fragment);
            let (sidebar_html, haystacks) =
                sidebar::build(summary, |key| fragment.with_op(Some(&link::encode(key))));
            let reply = Reply::Summary {
                title: summary.title.clone(),
                keys: summary.operations.iter().map(|op| op.key.clone()).collect(),
                haystacks,
                sidebar_html,
                overview_html: overview::overview(
                    summary,
                    &doc_html::markdown(&summary.description),
                ),
                servers_html: overview::servers(summary, base),
                base: base.to_string(),
                received,
                read: epoch_ms(),
            };
            API.with(|kept| *kept.borrow_mut() = Some((api, base.to_string())));
            reply
        }
        Err(error) => Reply::Failed {
            message: error.to_string(),
        },
    }
}

/// The answer to every question but `Load` (which fetches first).
fn answer(ask: Ask) -> Reply {
    if let Ask::Text {
        text,
        base,
        fragment,
    } = ask
    {
        return read(&text, &base, &fragment);
    }
    API.with(|kept| {
        let kept = kept.borrow();
        let Some((api, base)) = kept.as_ref() else {
            return Reply::Failed {
                message: "No description is open.".into(),
            };
        };
        answer_about(api, base, ask)
    })
}

fn answer_about(api: &Api, base: &str, ask: Ask) -> Reply {
    let with_base = |server: ServerChoice| ServerChoice {
        base: if server.base.is_empty() {
            base.to_string()
        } else {
            server.base
        },
        ..server
    };
    let missing = |key: &str| Reply::Failed {
        message: format!("The description has no operation \"{key}\"."),
    };
    match ask {
        Ask::Operation { key } => match api.operation(&key) {
            Some(doc) => Reply::Operation {
                html: doc_html::operation(&doc, &|value| api.example_text(value)),
                key,
            },
            None => missing(&key),
        },
        Ask::Request { key, server } => {
            let server = with_base(server);
            match api.request(&key, &server) {
                Some(imported) => Reply::Request {
                    key,
                    request: imported.request,
                    environment: api.environment(&server),
                    warnings: imported.warnings,
                },
                None => missing(&key),
            }
        }
        Ask::Load { .. } | Ask::Text { .. } => Reply::Failed {
            message: "Asked twice to read.".into(),
        },
    }
}
