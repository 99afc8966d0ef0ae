//! Import stage UI: the static markup of the Import button (whose dialog is the library's, see
//! `library::import_view`), Export HAR, and the notice under the URL, which `notice` fills.
//!
//! A constant HTML string rather than a Leptos view, as the snippet panel's controls are: the page's wasm is
//! over its size budget, and a view of these controls would cost it about 1 KB gzip more. No data is ever
//! put into this text (choices, warnings and messages are added later as text nodes). Every control has a
//! name.

crate::controls! {
    /// The ids of `CONTROLS`, for `notice` and the listener in `mod.rs` (the library opens the Import dialog
    /// from `OPEN`).
    pub mod id {
        OPEN = "import-open",
        EXPORT_HAR = "export-har",
        EXPORT_SECRETS = "export-secrets",
        VIA_ECHO_NOW = "via-echo-now",
        MESSAGE = "import-message",
        UNDO = "import-undo",
        DISMISS = "import-dismiss",
        NOTICE_WARNINGS = "import-notice-warnings",
    } in CONTROLS
}

pub const CONTROLS: &str = concat!(
    r#"<button type="button" id="import-open" aria-haspopup="dialog">Import</button>"#,
    r#"<button type="button" id="export-har">Export HAR</button>"#,
    // Credentials, cookies and the auth's secrets stay out of the file unless this is ticked.
    r#"<label class="radio"><input type="checkbox" id="export-secrets" aria-label="Export HAR with secrets"> with secrets</label>"#,
    // Shown while the browser refuses the request (see `snippet_panel`, which learns it with the code).
    r#"<button type="button" id="via-echo-now" class="send" hidden>Send via reqlab-echo</button>"#,
    r#"<div class="import-notice" role="status"><span id="import-message"></span> "#,
    r#"<button type="button" id="import-undo" hidden>Undo</button> "#,
    r#"<button type="button" id="import-dismiss" aria-label="Dismiss" hidden>×</button>"#,
    r#"<ul class="import-warnings" id="import-notice-warnings" aria-label="Import warnings"></ul></div>"#,
);
