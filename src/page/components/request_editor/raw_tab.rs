//! Edit stage UI: the request as the HTTP/1.1 message that will be sent.

use crate::page::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::render::raw::request_message;

/// Request line, headers, blank line, body; file contents summarised.
#[component]
pub fn RawTab() -> impl IntoView {
    let state = use_app_state();
    view! {
        {move || state.prepared.with(|p| match p {
            Ok(prepared) => view! {
                <pre class="raw-message" aria-label="Raw request" tabindex="0">{request_message(prepared)}</pre>
                <p class="hint">"The browser adds its own headers too (User-Agent, Accept-Encoding, Origin, ...)."</p>
            }.into_any(),
            Err(err) => view! { <p class="hint">{format!("Fix the request to see it: {err}")}</p> }.into_any(),
        })}
    }
}
