//! The page: provides `AppState` and lays out the request editor, the response viewer and the snippet panel.

use crate::page::components::{
    request_editor::RequestEditor, response_viewer::ResponseViewer, snippet_panel::SnippetPanel,
};
use crate::page::state::AppState;
use leptos::prelude::*;

/// The whole app; owns the shared state every panel reads.
#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::new(default_url()));
    view! {
        <header class="app-header">
            <h1>"reqlab"</h1>
            <p class="tagline">"Compose an HTTP request, send it from your browser, read every part of the answer."</p>
            // The library adds the theme switch and its toolbar here.
        </header>
        <main class="workspace">
            <RequestEditor/>
            <ResponseViewer/>
            <SnippetPanel/>
        </main>
    }
}

/// The echo endpoint beside the page when reqlab-echo serves it; a loopback echo otherwise.
fn default_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .filter(|o| o.starts_with("http"));
    format!(
        "{}/anything",
        origin.as_deref().unwrap_or("http://127.0.0.1:8080")
    )
}
