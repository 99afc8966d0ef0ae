//! Snippet stage UI: the panel's static markup (pickers, options, Copy, status line, message, code and
//! warnings), which `controls` and `code_view` fill from the worker's answer.
//!
//! Why a constant HTML string rather than a Leptos view: the page's wasm is over its size budget, and a
//! static view tree of this size costs about 1 KB gzip of element-building code there, while the text
//! costs its own few hundred bytes. It is a constant: no data of any kind is ever put into it (the code,
//! the warnings and every option text are added later as text nodes). Every control has a `<label for>`.
//! The code's `<pre>` has `role="group"` so its `aria-label` counts: ARIA names no bare `<pre>` (axe).

// The panel's ids are a contract with the snippet worker and the library: declared in `protocol::snippet`.
pub use crate::protocol::snippet::panel_id as id;

/// What every id of the panel starts with: the change handler passes on only its controls' changes.
pub const ID_PREFIX: &str = "snippet-";

pub const PANEL: &str = concat!(
    r#"<div class="snippet-bar"><h2>Code</h2>"#,
    r#"<span class="snippet-control"><label for="snippet-language">Language</label><select id="snippet-language"></select></span>"#,
    r#"<span class="snippet-control"><label for="snippet-client">Client</label><select id="snippet-client"></select></span>"#,
    r#"<fieldset class="snippet-options"><legend>Options</legend>"#,
    r#"<span class="snippet-control"><label for="snippet-indent">Indent</label><select id="snippet-indent"><option value="2">2 spaces</option><option value="4">4 spaces</option></select></span>"#,
    r#"<span class="snippet-control"><input type="checkbox" id="snippet-short-flags"><label for="snippet-short-flags">Short flags</label></span>"#,
    r#"<span class="snippet-control"><input type="checkbox" id="snippet-multiline"><label for="snippet-multiline">One option per line</label></span>"#,
    r#"<span class="snippet-control"><input type="checkbox" id="snippet-session"><label for="snippet-session">Use a Session</label></span>"#,
    r#"<span class="snippet-control"><input type="checkbox" id="snippet-timeout"><label for="snippet-timeout">Include timeout</label></span>"#,
    r#"</fieldset>"#,
    r#"<div class="snippet-actions"><button type="button" id="snippet-copy">Copy</button><span class="snippet-status" id="snippet-status" role="status" aria-live="polite"></span></div>"#,
    r#"</div>"#,
    r#"<p class="hint" id="snippet-message">Preparing the code generator…</p>"#,
    r#"<pre class="snippet-code" id="snippet-code" role="group" aria-label="Snippet code" tabindex="0" hidden><code></code></pre>"#,
    r#"<ul class="snippet-warnings" id="snippet-warnings" aria-label="Snippet warnings"></ul>"#,
);

#[cfg(test)]
mod tests {
    use super::{id, ID_PREFIX, PANEL};

    #[test]
    fn the_declared_ids_are_the_markups() {
        let mismatch = crate::dom::controls::id_mismatch(PANEL, id::IDS);
        assert_eq!(mismatch, None);
    }

    #[test]
    fn every_id_has_the_panels_prefix() {
        for id in id::IDS {
            assert!(id.starts_with(ID_PREFIX), "{id}");
        }
    }
}
