//! Edit stage UI: the raw request body.

use crate::state::use_app_state;
use leptos::prelude::*;

/// A plain text body; empty means the request has none.
#[component]
pub fn BodyEditor() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="body-editor">
            <label for="body">"Body"</label>
            <textarea
                id="body"
                rows="6"
                spellcheck="false"
                placeholder="Request body (leave empty for none)"
                bind:value=state.body
            ></textarea>
        </div>
    }
}
