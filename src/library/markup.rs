//! The library's static markup: the toolbar in the page header, its four dialogs and the notice line.
//! Constant text, as the page's static forms are: entries (history, folders, examples) are added later as
//! elements whose text is set, never parsed as HTML. Every control has a `<label for>` or a name.

crate::controls! {
    /// The ids of `LIBRARY`, `SIDEBAR` and `DIALOGS` (but the notice's, in `notice_id`), for the views.
    pub mod id {
        WORKSPACE = "lib-workspace",
        SIDEBAR = "lib-sidebar",
        SIDEBAR_CLOSE = "lib-sidebar-close",
        TAB_COLLECTIONS = "lib-tab-collections",
        TAB_HISTORY = "lib-tab-history",
        TAB_ENVIRONMENTS = "lib-tab-environments",
        ENVIRONMENTS = "lib-environments",
        ENV_ACTIVE = "lib-env-active",
        ENV_PROBLEM = "lib-env-problem",
        DELETED = "lib-deleted",
        DELETED_WHAT = "lib-deleted-what",
        UNDO_DELETE = "lib-undo-delete",
        TABS = "lib-tabs",
        TAB_NEW = "lib-tab-new",
        TAB_CLOSE = "lib-tab-close",
        EXAMPLES_OPEN = "lib-examples-open",
        SHARE_OPEN = "lib-share-open",
        EMBED_OPEN = "lib-embed-open",
        HISTORY = "lib-history",
        HISTORY_SEARCH = "lib-history-search",
        HISTORY_CLEAR = "lib-history-clear",
        HISTORY_COUNT = "lib-history-count",
        HISTORY_LIST = "lib-history-list",
        COLLECTIONS = "lib-collections",
        SAVE_NAME = "lib-save-name",
        SAVE_FOLDER = "lib-save-folder",
        SAVE = "lib-save",
        SAVE_HERE = "lib-save-here",
        THEME = "theme",
        SHORTCUTS = "lib-shortcuts",
        SHORTCUTS_TITLE = "lib-shortcuts-title",
        EDITING = "lib-editing",
        FOLDER_NAME = "lib-folder-name",
        FOLDER_ADD = "lib-folder-add",
        COLLECTIONS_EXPORT = "lib-collections-export",
        COLLECTIONS_SECRETS = "lib-collections-secrets",
        COLLECTIONS_PROBLEM = "lib-collections-problem",
        COLLECTION_FILE = "lib-collection-file",
        COLLECTION_STATUS = "lib-collection-status",
        FOLDERS = "lib-folders",
        ENV_LIST = "lib-env-list",
        ENV_FILE = "lib-env-file",
        EXAMPLES = "lib-examples",
        EXAMPLES_TITLE = "lib-examples-title",
        EXAMPLES_BASE = "lib-examples-base",
        EXAMPLES_LIST = "lib-examples-list",
        SHARE = "lib-share",
        SHARE_TITLE = "lib-share-title",
        SHARE_SECRETS = "lib-share-secrets",
        SHARE_WARNING = "lib-share-warning",
        SHARE_LEFT_OUT = "lib-share-left-out",
        SHARE_LINK = "lib-share-link",
        SHARE_COPY = "lib-share-copy",
        EMBED_TITLE = "lib-embed-title",
        EMBED_SNIPPETS = "lib-embed-snippets",
        EMBED_LANGUAGE = "lib-embed-language",
        EMBED_THEME = "lib-embed-theme",
        EMBED_HEIGHT = "lib-embed-height",
        EMBED_HTML = "lib-embed-html",
        EMBED_COPY = "lib-embed-copy",
        SHARE_STATUS = "lib-share-status",
    }
}

crate::controls! {
    /// The Import dialog's ids (`IMPORT`), and the page's Import button that opens it.
    pub mod import_id {
        DIALOG = "import-dialog",
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
    } in IMPORT
}

/// The page's Import button, on its request line (`page::components::import::markup`).
pub use crate::page::components::import::markup::id::OPEN as IMPORT_OPEN;

crate::controls! {
    /// The notice line's ids, in both `LIBRARY` and `EMBED`.
    pub mod notice_id {
        NOTICE = "lib-notice",
        MESSAGE = "lib-message",
        DISMISS = "lib-dismiss",
    }
}

crate::controls! {
    /// The ids of `EMBED` (but the notice's, in `notice_id`).
    pub mod embed_id {
        OPEN_FULL = "lib-open-full",
    }
}

/// The toolbar, for the full app: the theme switch, the active environment, and the library's buttons.
pub const LIBRARY: &str = concat!(
    r#"<span class="theme-switch"><label for="theme">Theme</label><select id="theme">"#,
    r#"<option value="system">System</option><option value="light">Light</option><option value="dark">Dark</option>"#,
    r#"</select></span>"#,
    r#"<span class="library-environment"><label for="lib-env-active">Environment</label><select id="lib-env-active"></select></span>"#,
    r#"<nav class="library-bar" aria-label="Library">"#,
    r#"<span class="library-editing" id="lib-editing" role="status"></span>"#,
    r#"<button type="button" id="lib-save-here" aria-keyshortcuts="Control+S Meta+S" title="Save (Ctrl+S)">Save</button>"#,
    r#"<button type="button" id="lib-workspace" aria-controls="lib-sidebar" aria-expanded="false">Workspace</button>"#,
    r#"<button type="button" id="lib-examples-open">Examples</button>"#,
    r#"<button type="button" id="lib-share-open">Share</button>"#,
    r#"<button type="button" id="lib-embed-open">Embed</button>"#,
    r#"</nav>"#,
);

/// The sidebar, a landmark beside the page's workspace: Collections, History and Environments as panels
/// of one tab list, hidden and shown by the toolbar's Workspace button (see `sidebar_view`).
pub const SIDEBAR: &str = concat!(
    r#"<aside class="library-sidebar" id="lib-sidebar" aria-label="Workspace" hidden>"#,
    r#"<div class="library-sidebar-top"><div class="tabs" role="tablist" aria-label="Workspace panels">"#,
    r#"<button type="button" role="tab" id="lib-tab-collections" aria-controls="lib-collections" aria-selected="true">Collections</button>"#,
    r#"<button type="button" role="tab" id="lib-tab-history" aria-controls="lib-history" aria-selected="false" tabindex="-1">History</button>"#,
    r#"<button type="button" role="tab" id="lib-tab-environments" aria-controls="lib-environments" aria-selected="false" tabindex="-1">Environments</button>"#,
    r#"</div><button type="button" id="lib-sidebar-close" aria-label="Hide the workspace" title="Hide the workspace">×</button></div>"#,
    // Collections
    r#"<section role="tabpanel" id="lib-collections" aria-labelledby="lib-tab-collections">"#,
    r#"<p class="library-row"><label for="lib-save-name">Save the current request as</label> <input type="text" id="lib-save-name" placeholder="name"> "#,
    r#"<label for="lib-save-folder">in folder</label> <select id="lib-save-folder"></select> "#,
    r#"<button type="button" id="lib-save">Save as new</button></p>"#,
    r#"<p class="library-row"><label for="lib-folder-name">New folder</label> <input type="text" id="lib-folder-name" placeholder="folder name"> "#,
    r#"<button type="button" id="lib-folder-add">Add folder</button></p>"#,
    r#"<p class="library-row"><button type="button" id="lib-collections-export">Export as Postman collection</button> <label class="radio"><input type="checkbox" id="lib-collections-secrets" aria-label="Export the collections with secrets"> with secrets</label></p>"#,
    r#"<p class="library-row"><label for="lib-collection-file">Import a Postman collection, HAR log, .http file or OpenAPI description</label> <input type="file" id="lib-collection-file" accept=".json,.har,.http,.rest,.yaml,.yml,application/json,application/yaml"> "#,
    r#"<span class="hint" id="lib-collection-status" role="status"></span></p>"#,
    r#"<p class="problem" id="lib-collections-problem" role="alert"></p>"#,
    r#"<p class="library-row" id="lib-deleted" role="status" hidden><span id="lib-deleted-what"></span> <button type="button" id="lib-undo-delete">Undo</button></p>"#,
    r#"<div id="lib-folders"></div>"#,
    r#"</section>"#,
    // History
    r#"<section role="tabpanel" id="lib-history" aria-labelledby="lib-tab-history" hidden>"#,
    r#"<p class="hint">The last 100 requests sent from this browser, newest first. Responses are kept up to 16 KiB.</p>"#,
    r#"<p class="library-row"><label for="lib-history-search">Search</label> <input type="search" id="lib-history-search" placeholder="method, URL or status"> "#,
    r#"<button type="button" id="lib-history-clear">Clear history</button></p>"#,
    r#"<p class="hint" id="lib-history-count" role="status"></p>"#,
    r#"<ol class="library-list" id="lib-history-list" aria-label="Sent requests"></ol>"#,
    r#"</section>"#,
    // Environments
    r#"<section role="tabpanel" id="lib-environments" aria-labelledby="lib-tab-environments" hidden>"#,
    r#"<p class="problem" id="lib-env-problem" role="alert"></p>"#,
    r#"<ul class="library-list" id="lib-env-list" aria-label="Environments"></ul>"#,
    r#"<p class="library-row"><label for="lib-env-file">Import a Postman environment file</label> <input type="file" id="lib-env-file" accept=".json,application/json"></p>"#,
    r#"</section>"#,
    r#"</aside>"#,
);

/// The request tabs' strip, above the editor: the tabs are drawn into the list by `tabs_view`.
pub const TABS: &str = concat!(
    r#"<div class="library-tabs">"#,
    r#"<div role="tablist" id="lib-tabs" aria-label="Open requests"></div>"#,
    r#"<button type="button" id="lib-tab-new" aria-keyshortcuts="Alt+N" title="New tab (Alt+N)">New tab</button>"#,
    r#"<button type="button" id="lib-tab-close" aria-keyshortcuts="Alt+W" title="Close the tab in front (Alt+W)">Close tab</button>"#,
    r#"</div>"#,
);

/// The Import dialog, which the page's Import button opens (see `import_view`). The Format options are the
/// import worker's `FORMATS` (a test checks they agree).
pub const IMPORT: &str = concat!(
    r#"<dialog class="import-dialog" id="import-dialog" aria-labelledby="import-title">"#,
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
);

/// The dialogs and the notice, after the toolbar in the header.
pub const DIALOGS: &str = concat!(
    // Examples
    r#"<dialog class="library-dialog" id="lib-examples" aria-labelledby="lib-examples-title">"#,
    r#"<h2 id="lib-examples-title">Examples</h2>"#,
    r#"<p class="hint">Ready requests from the HTTP tutorials, aimed at an httpbin-compatible echo server. Opening one fills the editor; nothing is sent until you press Send.</p>"#,
    r#"<p class="library-row"><label for="lib-examples-base">Echo server</label> <input type="url" id="lib-examples-base" size="36"></p>"#,
    r#"<ul class="library-list" id="lib-examples-list" aria-label="Examples"></ul>"#,
    r#"<p class="library-actions"><button type="button" data-close>Close</button></p>"#,
    r#"</dialog>"#,
    // Share and embed
    r#"<dialog class="library-dialog" id="lib-share" aria-labelledby="lib-share-title">"#,
    r#"<h2 id="lib-share-title">Share and embed</h2>"#,
    r#"<p class="hint">The request travels inside the link, after the #: it is never sent to any server, this one included. Opening the link fills the editor and sends nothing.</p>"#,
    r#"<p><input type="checkbox" id="lib-share-secrets"> <label for="lib-share-secrets">Include secrets</label></p>"#,
    r#"<p class="problem" id="lib-share-warning" role="alert"></p>"#,
    r#"<p class="hint" id="lib-share-left-out"></p>"#,
    r#"<p class="library-field"><label for="lib-share-link">Link</label> <input type="text" id="lib-share-link" readonly> "#,
    r#"<button type="button" id="lib-share-copy">Copy link</button></p>"#,
    r#"<h3 id="lib-embed-title">Embed</h3>"#,
    r#"<p class="library-row"><input type="checkbox" id="lib-embed-snippets" checked> <label for="lib-embed-snippets">Show code snippets</label> "#,
    r#"<label for="lib-embed-language">Snippet language</label> <input type="text" id="lib-embed-language" placeholder="e.g. python" size="14"> "#,
    r#"<label for="lib-embed-theme">Colours</label> <select id="lib-embed-theme"><option value="">System</option><option value="light">Light</option><option value="dark">Dark</option></select> "#,
    r#"<label for="lib-embed-height">Height</label> <input type="number" id="lib-embed-height" value="560" min="200" max="2000" step="20"></p>"#,
    r#"<p class="library-field"><label for="lib-embed-html">HTML</label> <textarea id="lib-embed-html" rows="3" readonly spellcheck="false"></textarea> "#,
    r#"<button type="button" id="lib-embed-copy">Copy HTML</button></p>"#,
    r#"<p class="hint" id="lib-share-status" role="status" aria-live="polite"></p>"#,
    r#"<p class="library-actions"><button type="button" data-close>Close</button></p>"#,
    r#"</dialog>"#,
    // Keyboard shortcuts, opened with `?` (see `shortcuts_view`).
    r#"<dialog class="library-dialog" id="lib-shortcuts" aria-labelledby="lib-shortcuts-title">"#,
    r#"<h2 id="lib-shortcuts-title">Keyboard shortcuts</h2>"#,
    r#"<table class="library-shortcuts"><tbody>"#,
    r#"<tr><th scope="row"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd>), or <kbd>Enter</kbd> in the URL</th><td>Send</td></tr>"#,
    r#"<tr><th scope="row"><kbd>Escape</kbd> while sending</th><td>Cancel the request</td></tr>"#,
    r#"<tr><th scope="row"><kbd>Ctrl</kbd>+<kbd>S</kbd> (<kbd>⌘</kbd>+<kbd>S</kbd>)</th><td>Save the request in place, or as a new one</td></tr>"#,
    r#"<tr><th scope="row"><kbd>←</kbd> <kbd>→</kbd> <kbd>Home</kbd> <kbd>End</kbd> on a tab</th><td>Move between the tabs of a list</td></tr>"#,
    r#"<tr><th scope="row"><kbd>Alt</kbd>+<kbd>N</kbd></th><td>New tab</td></tr>"#,
    r#"<tr><th scope="row"><kbd>Alt</kbd>+<kbd>W</kbd>, or <kbd>Delete</kbd> on a request tab</th><td>Close the tab</td></tr>"#,
    r#"<tr><th scope="row"><kbd>/</kbd></th><td>Focus the URL field</td></tr>"#,
    r#"<tr><th scope="row"><kbd>?</kbd></th><td>This list</td></tr>"#,
    r#"</tbody></table>"#,
    r#"<p class="library-actions"><button type="button" data-close>Close</button></p>"#,
    r#"</dialog>"#,
    r#"<div class="library-notice" id="lib-notice" role="status" hidden><span id="lib-message"></span> "#,
    r#"<button type="button" id="lib-dismiss" aria-label="Dismiss">×</button></div>"#,
);

/// The library's style, added by the library itself so the page's first load carries none of it.
pub const STYLE: &str = concat!(
    // The toolbar joins the header's line without making it taller (the page's layout was measured
    // without it): compact buttons, and the tagline gives way, cut with an ellipsis.
    ".app-header{flex-wrap:wrap}",
    ".app-header .tagline{flex:1 1 0;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
    ".library-bar{display:flex;flex-wrap:wrap;gap:var(--space-1)}",
    ".library-bar button,.library-bar a{font-size:.85rem;padding:1px var(--space-2)}",
    ".library-bar a{color:var(--accent)}",
    ".library-editing{align-self:center;font-size:.85rem;color:var(--muted)}",
    ".library-editing:empty{display:none}",
    ".library-shortcuts th{text-align:left;font-weight:400;padding:var(--space-1) var(--space-3) var(--space-1) 0}",
    "kbd{font-family:var(--mono);font-size:.85em;border:1px solid var(--border);border-radius:3px;padding:0 3px}",
    // The theme switch sits at the header's far end, before the toolbar.
    ".theme-switch{margin-left:auto;display:inline-flex;align-items:center;gap:var(--space-1);font-size:.85rem;color:var(--muted)}",
    ".answer-of{margin:0 0 var(--space-2);font-size:.85rem;color:var(--muted);overflow-wrap:anywhere}",
    ".answer-of:empty{display:none}",
    ".library-dialog{background:var(--panel);color:var(--text);border:1px solid var(--border);",
    "border-radius:var(--radius);width:min(46rem,94vw)}",
    ".library-dialog::backdrop{background:#0006}",
    ".library-dialog h2{margin-top:0;font-size:1rem}.library-dialog h3{margin:0;font-size:.95rem}",
    ".library-row{display:flex;flex-wrap:wrap;align-items:center;gap:var(--space-2);margin:var(--space-2) 0}",
    ".library-row[hidden]{display:none}",
    ".library-field{display:flex;gap:var(--space-2);align-items:center}",
    ".library-field input,.library-field textarea{flex:1;font-family:var(--mono);font-size:.85rem}",
    ".library-list{list-style:none;padding:0;margin:0;display:grid;gap:var(--space-1)}",
    ".library-list li{display:flex;flex-wrap:wrap;align-items:center;gap:var(--space-2)}",
    ".library-list li>button:first-child{font-family:var(--mono);text-align:left;word-break:break-all;max-width:100%}",
    ".library-list li>span{color:var(--muted);font-size:.85rem}",
    ".library-folder{border-top:1px solid var(--border);padding-top:var(--space-2);margin-top:var(--space-2)}",
    ".library-rename{display:inline-flex;flex-wrap:wrap;gap:var(--space-1)}",
    ".library-actions{display:flex;justify-content:flex-end}",
    ".library-notice{flex-basis:100%;font-size:.9rem}",
    ".import-dialog{width:min(42rem,92vw);background:var(--panel);color:var(--text);border:1px solid var(--border);border-radius:var(--radius)}",
    ".import-dialog::backdrop{background:#0006}.import-dialog h2{margin-top:0;font-size:1rem}",
    ".import-dialog textarea{display:block;width:100%;font-family:var(--mono);font-size:.85rem;resize:vertical}",
    ".import-row{display:flex;flex-wrap:wrap;gap:var(--space-3);margin:var(--space-2) 0}",
    ".import-actions{display:flex;gap:var(--space-2);justify-content:flex-end}",
    // The sidebar: a column beside the workspace on wide screens, over it on narrow ones.
    "body{display:grid;grid-template-columns:auto minmax(0,1fr);grid-template-rows:auto 1fr;align-items:start;min-height:100vh}",
    ".app-header{grid-column:1/-1}main.workspace{grid-column:2}",
    ".library-sidebar{grid-column:1;width:21rem;position:sticky;top:0;max-height:100vh;overflow:auto;align-self:stretch;",
    "padding:var(--space-2) var(--space-3);border-right:1px solid var(--border);background:var(--panel)}",
    ".library-sidebar[hidden]{display:none}",
    ".library-sidebar-top{display:flex;align-items:center;gap:var(--space-1)}",
    ".library-sidebar-top .tabs{flex:1;margin:0;flex-wrap:nowrap}",
    ".library-sidebar-top [role=tab]{padding:var(--space-1)}",
    // On a phone the header keeps to the controls: the tagline goes, the pickers' labels are for screen
    // readers only.
    "@media (max-width:600px){.app-header .tagline{display:none}",
    ".theme-switch label,.library-environment label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}",
    ".library-sidebar .library-row input[type=text],.library-sidebar .library-row input[type=search]{min-width:0;flex:1}",
    "@media (max-width:900px){.library-sidebar{position:fixed;left:0;top:0;bottom:0;z-index:5;",
    "width:min(22rem,92vw);max-height:none;box-shadow:0 0 0 100vmax #0006}}",
    ".library-environment{display:inline-flex;align-items:center;gap:var(--space-1);font-size:.85rem;color:var(--muted)}",
    ".library-environment select{max-width:10rem}",
    // The request tabs: one scrolling row across the workspace.
    ".library-tabs{grid-column:1/-1;display:flex;flex-wrap:wrap;justify-content:flex-end;align-items:center;gap:var(--space-1);min-width:0}",
    "#lib-tabs{display:flex;gap:2px;overflow-x:auto;min-width:0;flex:1;border-bottom:1px solid var(--border);position:relative}",
    // On a phone the strip has a row of its own, its buttons under it.
    "@media (max-width:600px){#lib-tabs{flex-basis:100%}}",
    ".library-tab{display:inline-flex;align-items:center;gap:var(--space-1);white-space:nowrap;max-width:15rem;",
    "border-radius:var(--radius) var(--radius) 0 0;border-bottom:none;font-family:var(--mono);font-size:.85rem;color:var(--muted)}",
    ".library-tab span:first-child{overflow:hidden;text-overflow:ellipsis}",
    ".library-tab[aria-selected=true]{color:var(--text);border-color:var(--accent);font-weight:600}",
    ".library-tab-unsaved{color:var(--accent)}.library-tab-close{padding:0 2px;border-radius:3px}",
    ".library-tab-close:hover{background:var(--border)}",
    ".library-tabs>button{font-size:.85rem;padding:1px var(--space-2);white-space:nowrap}",
);

/// Embedded pages: a way out to the full app, and the notice. No stored data is ever shown there.
pub const EMBED: &str = concat!(
    r#"<nav class="library-bar" aria-label="Library">"#,
    r#"<a id="lib-open-full" target="_blank" rel="noopener">Open in reqlab</a>"#,
    r#"</nav>"#,
    r#"<div class="library-notice" id="lib-notice" role="status" hidden><span id="lib-message"></span> "#,
    r#"<button type="button" id="lib-dismiss" aria-label="Dismiss">×</button></div>"#,
);

#[cfg(test)]
mod tests {
    use super::{embed_id, id, notice_id, DIALOGS, EMBED, IMPORT, LIBRARY, SIDEBAR, TABS};
    use crate::dom::controls::id_mismatch;

    /// Everything the full app adds to the page.
    fn full_app() -> String {
        [LIBRARY, SIDEBAR, TABS, DIALOGS, IMPORT].concat()
    }

    #[test]
    fn the_declared_ids_are_the_markups() {
        let library = [id::IDS, notice_id::IDS, super::import_id::IDS].concat();
        assert_eq!(id_mismatch(&full_app(), &library), None);
        let embed = [embed_id::IDS, notice_id::IDS].concat();
        assert_eq!(id_mismatch(EMBED, &embed), None);
    }

    #[test]
    fn every_control_has_a_label() {
        for id in [
            id::HISTORY_SEARCH,
            id::ENV_ACTIVE,
            id::SAVE_NAME,
            id::SAVE_FOLDER,
            id::FOLDER_NAME,
            id::EXAMPLES_BASE,
            id::SHARE_SECRETS,
            id::SHARE_LINK,
            id::EMBED_SNIPPETS,
            id::EMBED_LANGUAGE,
            id::EMBED_THEME,
            id::EMBED_HEIGHT,
            id::EMBED_HTML,
        ] {
            assert!(
                full_app().contains(&format!(r#"<label for="{id}">"#)),
                "{id}"
            );
            assert!(full_app().contains(&format!(r#"id="{id}""#)), "{id}");
        }
    }

    #[test]
    fn the_import_dialogs_labels_and_formats_are_the_markups() {
        use super::import_id;
        use crate::workers::import::FORMATS;
        for id in [
            import_id::TEXT,
            import_id::FILE,
            import_id::FORMAT,
            import_id::PICK,
        ] {
            assert!(IMPORT.contains(&format!(r#"<label for="{id}">"#)), "{id}");
        }
        for (id, label) in FORMATS {
            let option = format!(r#"<option value="{id}">{label}</option>"#);
            assert!(IMPORT.contains(&option), "{option} is missing");
        }
        assert_eq!(
            IMPORT.matches("<option ").count(),
            FORMATS.len() + 1,
            "one option per format, plus Automatic"
        );
    }

    #[test]
    fn ids_are_unique_in_each_markup() {
        for markup in [full_app(), EMBED.to_string()] {
            let ids: Vec<&str> = markup
                .split(r#" id=""#)
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(ids.len(), unique.len(), "{ids:?}");
        }
    }
}
