//! Import stage UI: the Import dialog (paste or choose a file; format detected unless picked; one request
//! picked from a HAR log or a Postman collection) and a curl command pasted into the URL field, both read by
//! the worker (see `worker::import`) and loaded into the editor, with a notice that lists what was left
//! out and can undo it.
//!
//! Like the snippet panel, this is static markup (`markup`) driven by plain DOM calls (`dialog`, `notice`),
//! and one listener serves every event of it: the page's wasm is over its size budget, and reactive views,
//! attributes and a handler type per event would each cost generic code there.

mod dialog;
mod markup;
mod notice;

use crate::state::AppState;
use crate::worker::protocol::{ImportAnswer, ImportAsk};
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::import::MAX_INPUT_BYTES;
use reqlab_core::Request;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The import controls of one editor: where they are, and what Undo brings back.
#[derive(Clone, Copy)]
pub struct Importer {
    state: AppState,
    root: NodeRef<Div>,
    /// The request and the active environment as they were before the last import, until undone.
    before: StoredValue<Option<(Request, Option<u32>)>>,
}

impl Importer {
    pub fn new(state: AppState) -> Importer {
        Importer {
            state,
            root: NodeRef::new(),
            before: StoredValue::new(None),
        }
    }

    /// The Import button, its dialog and the notice; place them near the URL field.
    pub fn controls(self) -> impl IntoView {
        self.root.on_load(move |root| self.listen(&root));
        view! { <div class="import" node_ref=self.root inner_html=markup::CONTROLS></div> }
    }

    /// The URL field's paste: a curl command is imported instead of pasted (as Postman does); any other text
    /// is pasted as usual.
    pub fn paste(self, ev: web_sys::ClipboardEvent) {
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
        self.ask(text, String::new(), String::new(), true);
    }

    /// One listener for every event under the controls, told apart by type and by the target's id.
    fn listen(self, root: &Element) {
        let controls = root.clone();
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let root = &controls;
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            match (ev.type_().as_str(), target.id().as_str()) {
                ("click", "import-open") => {
                    notice::clear(root);
                    dialog::open(root);
                }
                ("click", "import-cancel") => dialog::close(root),
                ("click", "import-confirm") => self.ask_dialog(root, true),
                ("click", "import-undo") => self.undo(root),
                ("click", "import-dismiss") => notice::clear(root),
                ("input", "import-text") | ("change", "import-format" | "import-pick") => {
                    self.ask_dialog(root, false)
                }
                ("change", "import-file") => {
                    dialog::read_file(root, move |root| self.ask_dialog(root, false))
                }
                // Keys typed in the dialog stay there: the editor's form sends on Ctrl+Enter.
                ("keydown", _) if target.closest("dialog").ok().flatten().is_some() => {
                    ev.stop_propagation()
                }
                _ => {}
            }
        });
        for kind in ["click", "input", "change", "keydown"] {
            let _ = root.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        }
        // Lives as long as the page: the controls are never unmounted.
        handler.forget();
    }

    /// Asks about the dialog's text as its controls set it: for a preview, or to import it.
    fn ask_dialog(self, root: &Element, apply: bool) {
        let (text, format, pick) = dialog::question(root);
        self.ask(text, format, pick, apply);
    }

    fn ask(self, text: String, format: String, pick: String, apply: bool) {
        if text.len() > MAX_INPUT_BYTES {
            // Said here, before the text is copied to the worker.
            self.answered(
                ImportAnswer {
                    error: Some(dialog::too_large(text.len())),
                    ..ImportAnswer::default()
                },
                apply,
            );
            return;
        }
        let ask = ImportAsk {
            text,
            format,
            pick,
            ..ImportAsk::default()
        };
        self.state
            .worker
            .import(ask, move |answer| self.answered(answer, apply));
    }

    fn answered(self, answer: ImportAnswer, apply: bool) {
        let Some(root) = self.root.get_untracked() else {
            return;
        };
        let in_dialog = dialog::is_open(&root);
        match (&answer.request, apply) {
            (Some(request), true) if answer.error.is_none() => {
                let editor = self.state.editor;
                let environments = self.state.environments;
                let before = untrack(|| editor.request());
                self.before
                    .set_value(Some((before, environments.active.get_untracked())));
                editor.load(request);
                if let Some(environment) = &answer.environment {
                    environments.load(environment);
                }
                dialog::close(&root);
                notice::imported(&root, &answer);
            }
            _ if in_dialog => dialog::show(&root, &answer),
            // A pasted command that cannot be read: the editor is left as it was, and says why.
            _ => notice::failed(&root, answer.error.as_deref().unwrap_or_default()),
        }
    }

    fn undo(self, root: &Element) {
        if let Some((request, active)) = self.before.try_update_value(Option::take).flatten() {
            self.state.editor.load(&request);
            self.state.environments.active.set(active);
        }
        notice::clear(root);
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
