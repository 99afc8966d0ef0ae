//! Render stage UI: response headers with the meaning of standard ones, and a note when CORS hides some.
//! Static markup filled once from the response (see `dom::form`).

use crate::dom::form::{append_row, set_hidden, set_text};
use leptos::html::Details;
use leptos::prelude::*;
use reqlab_core::http::cors::hidden_headers_note;
use reqlab_core::http::headers::meaning;
use reqlab_core::render::response::Response;
use std::sync::Arc;

crate::controls! {
    /// The header view's ids, as `MARKUP` spells them.
    mod id {
        COUNT = "headers-count",
        NOTE = "headers-note",
        ROWS = "header-rows",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<summary id="headers-count"></summary>"#,
    r#"<p class="note" id="headers-note" hidden></p>"#,
    r#"<table><tbody id="header-rows"></tbody></table>"#,
);

/// The header table, open by default.
#[component]
pub fn HeadersView(response: Arc<Response>, cross_origin: bool) -> impl IntoView {
    let root = NodeRef::<Details>::new();
    Effect::new(move |_| {
        let Some(root) = root.get() else {
            return;
        };
        set_text(
            &root,
            id::COUNT,
            &format!("Headers ({})", response.headers.len()),
        );
        if let Some(note) = hidden_headers_note(cross_origin, &response.headers) {
            set_text(&root, id::NOTE, &note);
            set_hidden(&root, id::NOTE, false);
        }
        // Filled from scratch, should the effect ever run again.
        set_text(&root, id::ROWS, "");
        for (name, value) in &response.headers {
            append_row(&root, id::ROWS, name, value, meaning(name));
        }
    });
    view! { <details class="response-headers" open node_ref=root inner_html=MARKUP></details> }
}
