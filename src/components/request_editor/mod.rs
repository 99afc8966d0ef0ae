//! Edit stage UI: method, URL, headers and body, the Send button, and why the request cannot be sent yet.

mod body_editor;
mod headers_table;

use crate::state::{use_app_state, Exchange};
use body_editor::BodyEditor;
use headers_table::HeadersTable;
use leptos::prelude::*;
use reqlab_core::url::UrlError;
use reqlab_core::{Method, PrepareError};

/// The request form; submitting it (Send, or Enter in the URL field) sends.
#[component]
pub fn RequestEditor() -> impl IntoView {
    let state = use_app_state();
    let sending = move || state.exchange.with(|e| *e == Exchange::Sending);
    // An empty URL is the starting point, not a mistake worth a red message.
    let problem = move || {
        state.prepared.with(|p| match p {
            Err(PrepareError::Url(UrlError::Empty)) | Ok(_) => None,
            Err(err) => Some(err.to_string()),
        })
    };
    view! {
        <form
            class="panel request-editor"
            aria-label="Request"
            on:submit=move |ev| {
                ev.prevent_default();
                state.send();
            }
        >
            <div class="request-line">
                <label for="method" class="visually-hidden">"Method"</label>
                <select id="method" class="method" bind:value=state.method>
                    {Method::STANDARD
                        .iter()
                        .map(|m| view! { <option value=m.as_str()>{m.as_str()}</option> })
                        .collect_view()}
                </select>
                <label for="url" class="visually-hidden">"URL"</label>
                <input
                    id="url"
                    class="url"
                    type="text"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="https://example.com/path?query"
                    aria-describedby="request-problem"
                    bind:value=state.url
                />
                <button type="submit" class="send" disabled=sending>
                    {move || if sending() { "Sending…" } else { "Send" }}
                </button>
            </div>
            <p id="request-problem" class="problem" aria-live="polite">{problem}</p>
            <HeadersTable/>
            <BodyEditor/>
        </form>
    }
}
