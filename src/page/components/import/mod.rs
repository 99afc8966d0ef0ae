//! Import stage UI: a curl command pasted into the URL field, read by the import worker (see
//! `workers::import`) and loaded into the editor, and every request the library hands over (its Import
//! dialog's, history, collections, examples, share links), each with a notice that lists what was left out
//! and can undo it; and Export HAR, which saves the request and its response as a HAR file. The Import
//! button is here, on the request line; its dialog is the library's (`library::import_view`), so the
//! page's first load carries none of it.
//!
//! Like the snippet panel, this is static markup (`markup`) driven by plain DOM calls (`notice`), and one
//! listener serves every event of it: the page's wasm is over its size budget, and reactive views,
//! attributes and a handler type per event would each cost generic code there.

pub mod markup;
mod notice;

use crate::dom::download;
use crate::dom::form::checked;
use crate::page::bridge;
use crate::page::components::request_editor::id as editor_id;
use crate::page::state::{AppState, Exchange};
use crate::protocol::import::{ExportAsk, ExportResponse, ImportAnswer, ImportAsk};
use crate::protocol::library::BUNDLE_EDIT_EVENT;
use crate::protocol::library::{attach_file_texts, ToPage};
use leptos::prelude::*;
use markup::id;
use reqlab_core::import::MAX_INPUT_BYTES;
use reqlab_core::render::response::Response;
use reqlab_core::Request;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The Import button, Export HAR and the notice, for the editor's form (place them near the URL field).
/// They also import a curl command pasted into the form's URL field (`#url`): see `listen`.
pub fn controls(state: AppState) -> impl IntoView {
    let importer = Importer {
        state,
        before: StoredValue::new(None),
    };
    let root = NodeRef::<leptos::html::Div>::new();
    root.on_load(move |root| listen(root.into(), importer));
    view! { <div class="import" node_ref=root inner_html=markup::CONTROLS></div> }
}

/// What the controls act on, and what Undo brings back.
#[derive(Clone, Copy)]
struct Importer {
    state: AppState,
    /// What the last import replaced, until undone.
    before: StoredValue<Option<Before>>,
}

/// The editor as it was before an import: its request, the active environment and the saved request it
/// came from.
struct Before {
    request: Request,
    active: Option<u32>,
    saved: Option<u64>,
}

/// One listener for every event of the controls, told apart by type and by the target's id; the same
/// listener hears pastes in the editor's form, for those into the URL field. Plain DOM listeners rather
/// than `on:` handlers: each of those is a generic instantiation in the page's wasm.
fn listen(root: Element, importer: Importer) {
    let controls = root.clone();
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        importer.handle(&controls, &ev)
    });
    let callback = handler.as_ref().unchecked_ref();
    let _ = root.add_event_listener_with_callback("click", callback);
    // Pastes into the URL field bubble to the editor's form, which the controls are in.
    if let Some(form) = root.closest("form").ok().flatten() {
        let _ = form.add_event_listener_with_callback("paste", callback);
    }
    // Requests the library opens (history, collections, examples, share links, the saved draft) arrive as
    // import answers and load the same way.
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(bridge::OPEN_EVENT, callback);
        // The Auth tab's settings come the same way, under their own event (see `protocol::auth`).
        let _ = window.add_event_listener_with_callback(BUNDLE_EDIT_EVENT, callback);
        bridge::listening();
    }
    // Lives as long as the page: the editor is never unmounted.
    handler.forget();
}

impl Importer {
    fn handle(self, root: &Element, ev: &web_sys::Event) {
        if matches!(ev.type_().as_str(), bridge::OPEN_EVENT | BUNDLE_EDIT_EVENT) {
            if let Some(message) = bridge::opened() {
                self.opened(root, message);
            }
            return;
        }
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        match (ev.type_().as_str(), target.id().as_str()) {
            ("paste", editor_id::URL) => self.paste(root, ev.unchecked_ref()),
            ("click", id::UNDO) => self.undo(root),
            ("click", id::DISMISS) => notice::clear(root),
            ("click", id::EXPORT_HAR) => self.export(root),
            // The browser refuses this request: the same one goes from reqlab-echo.
            ("click", id::VIA_ECHO_NOW) => {
                self.state.via_echo.set(true);
                self.state.send();
            }
            _ => {}
        }
    }

    /// A curl command pasted into the URL field is imported instead of pasted (as Postman does); any other
    /// text is pasted as usual.
    fn paste(self, root: &Element, ev: &web_sys::ClipboardEvent) {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|data| data.get_data("text").ok())
        else {
            return;
        };
        if !is_curl_command(&text) {
            return;
        }
        ev.prevent_default();
        let root = root.clone();
        // The worker refuses text over 1 MiB, as every importer does.
        let ask = ImportAsk {
            text,
            ..ImportAsk::default()
        };
        self.state
            .worker
            .import(ask, move |answer| self.answered(&root, answer));
    }

    /// Loads an imported request into the editor, or says why not in the notice, leaving the editor as it
    /// was.
    fn answered(self, root: &Element, answer: ImportAnswer) {
        match (&answer.request, &answer.error) {
            (Some(request), None) => self.load_import(root, request, &answer),
            _ => notice::failed(root, answer.error.as_deref().unwrap_or_default()),
        }
    }

    /// A request from the library (see `bridge`).
    fn opened(self, root: &Element, message: ToPage) {
        match message {
            ToPage::Open {
                summary,
                mut request,
                environment,
                file_texts,
                saved,
                warnings,
            } => {
                attach_file_texts(&mut request, file_texts);
                self.load(&request, saved);
                if let Some(environment) = &environment {
                    self.state.environments.load(environment);
                }
                notice::opened(root, &summary, &warnings);
            }
            ToPage::Restore { draft, shown } => {
                self.load(&draft.request, draft.saved);
                self.state.environments.replace(&draft.variables);
                self.state.show_tab(shown);
                notice::clear(root);
            }
            ToPage::Saved { saved } => self.state.saved.set(u32::try_from(saved).ok()),
            ToPage::Auth { auth } => self.state.editor.set_auth(&auth),
            ToPage::Checks { checks } => self.state.editor.checks.set(&checks),
            ToPage::Variables { variables } => self.state.environments.replace(&variables),
        }
    }

    /// An import's request (and environment) into the editor, said so in the notice.
    fn load_import(self, root: &Element, request: &Request, answer: &ImportAnswer) {
        // An import is a new request, saved nowhere yet.
        self.load(request, None);
        if let Some(environment) = &answer.environment {
            self.state.environments.load(environment);
        }
        notice::imported(root, answer);
    }

    /// Loads `request` (from the saved request `saved`, if any) into the editor, keeping what was there
    /// (and the active environment) for Undo.
    fn load(self, request: &Request, saved: Option<u64>) {
        let before = untrack(|| self.state.editor.request());
        let active = self.state.environments.active.get_untracked();
        let saved_before = self.state.saved.get_untracked().map(u64::from);
        self.before.set_value(Some(Before {
            request: before,
            active,
            saved: saved_before,
        }));
        self.state.editor.load(request);
        self.state
            .saved
            .set(saved.and_then(|id| u32::try_from(id).ok()));
    }

    /// Saves the current request, and its response when there is one, as a HAR file.
    fn export(self, root: &Element) {
        let root = root.clone();
        let ask = ExportAsk {
            request: untrack(|| self.state.editor.request()),
            environment: untrack(|| self.state.environments.active()),
            response: self
                .state
                .exchange
                .with_untracked(|exchange| match exchange {
                    Exchange::Done(response) => Some(export_response(response)),
                    _ => None,
                }),
            include_secrets: checked(&root, id::EXPORT_SECRETS),
        };
        self.state.worker.export(ask, move |har| match har {
            Ok(text) => {
                notice::clear(&root);
                download(text.as_bytes(), "application/json", "reqlab.har");
            }
            Err(error) => notice::message(&root, &format!("The request was not exported: {error}")),
        });
    }

    fn undo(self, root: &Element) {
        if let Some(before) = self.before.try_update_value(Option::take).flatten() {
            self.state.editor.load(&before.request);
            self.state.environments.active.set(before.active);
            self.state
                .saved
                .set(before.saved.and_then(|id| u32::try_from(id).ok()));
        }
        notice::clear(root);
    }
}

/// The response as a HAR records it: the body as text when it is UTF-8 of at most 1 MiB (a HAR file is for
/// reading and importing; a larger or binary body is left out).
fn export_response(response: &Response) -> ExportResponse {
    let text = if response.body.len() <= MAX_INPUT_BYTES {
        std::str::from_utf8(&response.body)
            .unwrap_or_default()
            .to_string()
    } else {
        String::new()
    };
    ExportResponse {
        status: response.status,
        status_text: response.status_text.clone(),
        headers: response.headers.clone(),
        mime_type: response.content_type(),
        text,
    }
}

/// Whether pasted text is a curl command: its first word is `curl` or `curl.exe`.
pub fn is_curl_command(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|word| {
        word.eq_ignore_ascii_case("curl") || word.eq_ignore_ascii_case("curl.exe")
    })
}

#[cfg(test)]
mod tests {
    use super::is_curl_command;

    #[test]
    fn only_text_starting_with_the_curl_word_is_taken_for_a_command() {
        let cases = [
            ("curl https://h/", true),
            ("  \n\tcurl 'https://h/' \\\n  -H 'a: b'", true),
            ("curl.exe https://h/", true),
            ("CURL https://h/", true),
            ("curl", true),
            ("https://h/?q=curl", false),
            ("curlew", false),
            ("curl-config --version", false),
            ("$ curl https://h/", false),
            ("", false),
        ];
        for (text, expected) in cases {
            assert_eq!(is_curl_command(text), expected, "{text:?}");
        }
    }
}
