//! Snippet stage UI: the chosen target's code for the current request, live, highlighted, with its warnings.
//! The code is generated and highlighted in the snippet worker (see `worker`), never on the page's thread;
//! this panel picks, asks, and renders.
//!
//! Size matters here (the page's wasm is held to 200 KB gzip): the worker resolves the choice and says what
//! every control shows; the controls and the code are static markup set from its answer by plain DOM calls
//! (see `markup`, `controls`, `code_view`); one change handler serves every control, by its id, and one
//! click handler the Copy button.

mod actions;
mod choice;
mod code_view;
mod controls;
pub mod markup;

use crate::dom::form::{self, set_hidden_element};
use crate::page::components::import::markup::id::VIA_ECHO_NOW;
use crate::page::state::use_app_state;
use crate::protocol::library::Draft;
use leptos::html::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Language and client pickers, options, Copy, and the generated code with its warnings.
#[component]
pub fn SnippetPanel() -> impl IntoView {
    let state = use_app_state();
    let client = state.worker;
    // The choice as the worker reads it (see `workers::snippet::choice`); the page only sets lines of it.
    let choice = RwSignal::new(choice::load());
    // Ask again whenever the request, the variables or the choice change.
    Effect::new(move |_| {
        let draft = Draft {
            request: state.editor.request(),
            variables: state.environments.variables(),
            saved: state.saved.get().map(u64::from),
        };
        client.ask(choice.get(), draft);
    });
    let panel = NodeRef::<Section>::new();
    // Each answer carries the choice resolved (a language's client picked, bad storage repaired): keep and
    // remember that, and show it in the controls.
    Effect::new(move |_| {
        let Some(panel) = panel.get() else {
            return;
        };
        if let Some(problem) = client.unavailable.get() {
            code_view::show_problem(&panel, &problem);
            return;
        }
        client.answer.with(|answer| {
            let Some(answer) = answer else {
                return;
            };
            if choice.with_untracked(|c| *c != answer.choice) {
                choice.set(answer.choice.clone());
            }
            choice::save(&answer.choice);
            controls::sync(&panel, answer);
            code_view::show_answer(&panel, answer);
            // The request bar's way out of a browser limit, while there is one and it is not taken yet.
            if let Some(button) = crate::dom::document::by_id(VIA_ECHO_NOW) {
                set_hidden_element(&button, !answer.browser_limit || state.via_echo.get());
            }
        })
    });

    let on_change = move |ev: web_sys::Event| {
        if let Some(edit) = form::edit_of(&ev).filter(|e| e.id.starts_with(markup::ID_PREFIX)) {
            choice.update(|c| *c = choice::set_line(c, &edit.id, &edit.value));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(panel) = panel.get_untracked() else {
            return;
        };
        let on_copy = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.id() == markup::id::COPY);
        if let (true, Some(status)) = (on_copy, form::find(&panel, markup::id::STATUS)) {
            let code = client
                .answer
                .with_untracked(|a| a.as_ref().map(|a| a.code.clone()))
                .unwrap_or_default();
            actions::copy(&code, status);
        }
    };

    view! {
        <section
            class="panel snippet-panel"
            aria-label="Code snippet"
            node_ref=panel
            on:change=on_change
            on:click=on_click
            inner_html=markup::PANEL
        >
        </section>
    }
}
