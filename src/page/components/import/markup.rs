//! Import stage UI: the static markup of the Import button, its dialog and the notice under the URL, which
//! `dialog` and `notice` fill from the worker's answers.
//!
//! A constant HTML string rather than a Leptos view, as the snippet panel's controls are: the page's wasm is
//! over its size budget, and a view of these controls would cost it about 1 KB gzip more. No data is ever
//! put into this text (choices, warnings and messages are added later as text nodes). Every control has a
//! `<label for>`; the Format options are the worker's `FORMATS` (a test checks they agree).

crate::controls! {
    /// The ids of `CONTROLS`, for `dialog`, `notice` and the listener in `mod.rs`.
    pub mod id {
        OPEN = "import-open",
        EXPORT_HAR = "export-har",
        TITLE = "import-title",
        TEXT = "import-text",
        FILE = "import-file",
        FORMAT = "import-format",
        DETECTED = "import-detected",
        PICK = "import-pick",
        ERROR = "import-error",
        WARNINGS = "import-warnings",
        CONFIRM = "import-confirm",
        CANCEL = "import-cancel",
        MESSAGE = "import-message",
        UNDO = "import-undo",
        DISMISS = "import-dismiss",
        NOTICE_WARNINGS = "import-notice-warnings",
    } in CONTROLS
}

pub const CONTROLS: &str = concat!(
    r#"<button type="button" id="import-open">Import</button>"#,
    r#"<button type="button" id="export-har">Export HAR</button>"#,
    r#"<dialog class="import-dialog" aria-labelledby="import-title">"#,
    r#"<h2 id="import-title">Import</h2>"#,
    r#"<p class="hint">Paste a curl command, a HAR file or a Postman collection (v2.1), or choose a file. Nothing in it is run or sent.</p>"#,
    r#"<label for="import-text">Text to import</label>"#,
    r#"<textarea id="import-text" rows="8" spellcheck="false" autocomplete="off"></textarea>"#,
    r#"<div class="import-row">"#,
    r#"<span><label for="import-file">File</label> <input type="file" id="import-file"></span>"#,
    r#"<span><label for="import-format">Format</label> <select id="import-format"><option value="">Automatic</option>"#,
    r#"<option value="curl-bash">curl (bash, zsh)</option><option value="curl-cmd">curl (Windows cmd)</option>"#,
    r#"<option value="curl-powershell">curl (PowerShell)</option><option value="har">HAR</option>"#,
    r#"<option value="postman">Postman collection</option><option value="reqlab">reqlab request JSON</option></select></span>"#,
    r#"</div>"#,
    r#"<p class="hint" id="import-detected"></p>"#,
    r#"<p hidden><label for="import-pick">Request</label> <select id="import-pick"></select></p>"#,
    r#"<p class="problem" id="import-error" role="alert"></p>"#,
    r#"<ul class="import-warnings" id="import-warnings" aria-label="Import warnings"></ul>"#,
    r#"<p class="import-actions"><button type="button" id="import-confirm">Import</button> <button type="button" id="import-cancel">Cancel</button></p>"#,
    r#"</dialog>"#,
    r#"<div class="import-notice" role="status"><span id="import-message"></span> "#,
    r#"<button type="button" id="import-undo" hidden>Undo</button> "#,
    r#"<button type="button" id="import-dismiss" aria-label="Dismiss" hidden>×</button>"#,
    r#"<ul class="import-warnings" id="import-notice-warnings" aria-label="Import warnings"></ul></div>"#,
);

#[cfg(test)]
mod tests {
    use super::{id, CONTROLS};
    use crate::workers::import::FORMATS;

    #[test]
    fn the_format_picker_offers_exactly_the_formats_the_worker_reads() {
        for (id, label) in FORMATS {
            let option = format!(r#"<option value="{id}">{label}</option>"#);
            assert!(CONTROLS.contains(&option), "{option} is missing");
        }
        assert_eq!(
            CONTROLS.matches("<option ").count(),
            FORMATS.len() + 1,
            "one option per format, plus Automatic"
        );
    }

    #[test]
    fn every_control_has_a_label() {
        for id in [id::TEXT, id::FILE, id::FORMAT, id::PICK] {
            assert!(CONTROLS.contains(&format!(r#"<label for="{id}">"#)), "{id}");
            assert!(CONTROLS.contains(&format!(r#"id="{id}""#)), "{id}");
        }
    }
}
