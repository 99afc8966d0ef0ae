//! Render stage UI: status line and its class meaning, time and size, redirects, and the timing breakdown.
//! Static markup filled once from the response (see `dom::form`).

use crate::dom::form::{append_row, set_attribute, set_hidden, set_text};
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::render::response::{format_elapsed, format_ms_tenths, Response};
use reqlab_core::render::size::describe;
use std::sync::Arc;

crate::controls! {
    /// The summary's ids, as `MARKUP` spells them.
    mod id {
        STATUS_LINE = "status-line",
        ELAPSED = "elapsed",
        SIZE = "size",
        STATUS_MEANING = "status-meaning",
        REDIRECTED = "redirected",
        FINAL_URL = "final-url",
        TRUNCATED = "truncated",
        TIMING = "timing",
        TIMING_ROWS = "timing-rows",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<div class="summary"><p id="status-line"></p>"#,
    r#"<p class="metric">Time <strong id="elapsed"></strong></p>"#,
    r#"<p class="metric">Size <strong id="size"></strong></p></div>"#,
    r#"<p class="status-meaning" id="status-meaning"></p>"#,
    r#"<p class="note" id="redirected" hidden>Redirected: the final answer came from <code id="final-url"></code></p>"#,
    r#"<p class="problem" id="truncated" hidden></p>"#,
    r#"<details class="timing" id="timing" hidden><summary>Timing</summary><table><tbody id="timing-rows"></tbody></table></details>"#,
);

/// The response at a glance.
#[component]
pub fn Summary(response: Arc<Response>) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            fill(&root, &response);
        }
    });
    view! { <div node_ref=root inner_html=MARKUP></div> }
}

fn fill(root: &web_sys::Element, response: &Response) {
    let class = response.class();
    let slug = class.map(|c| c.slug()).unwrap_or("unknown");
    set_attribute(
        root,
        id::STATUS_LINE,
        "class",
        Some(&format!("status status-{slug}")),
    );
    set_text(root, id::STATUS_LINE, &response.full_status_line());
    set_text(root, id::ELAPSED, &format_elapsed(response.elapsed_ms));
    let size = match &response.timing {
        Some(t) if t.transfer_size > 0 => format!(
            "{} ({} on the wire)",
            describe(response.body.len() as u64),
            describe(t.transfer_size)
        ),
        _ => describe(response.body.len() as u64),
    };
    set_text(root, id::SIZE, &size);
    let meaning = if response.status == 0 {
        "Status 0: the browser hid this response (an opaque redirect in manual mode, or an opaque no-cors answer)."
    } else {
        class
            .map(|c| c.meaning())
            .unwrap_or("A status code outside the standard classes.")
    };
    set_text(root, id::STATUS_MEANING, meaning);
    set_hidden(root, id::REDIRECTED, !response.redirected);
    set_text(root, id::FINAL_URL, &response.url);
    set_hidden(root, id::TRUNCATED, !response.truncated);
    if response.truncated {
        let note = format!(
            "Only the first {} bytes are shown: the body is larger than the size limit set in Options.",
            response.body.len()
        );
        set_text(root, id::TRUNCATED, &note);
    }
    if let Some(t) = &response.timing {
        set_hidden(root, id::TIMING, false);
        set_text(root, id::TIMING_ROWS, "");
        for (name, ms) in [
            ("DNS", t.dns_ms),
            ("Connect", t.connect_ms),
            ("TLS", t.tls_ms),
            ("Waiting", t.waiting_ms),
            ("Download", t.download_ms),
        ] {
            append_row(root, id::TIMING_ROWS, name, &format_ms_tenths(ms), None);
        }
    }
}
