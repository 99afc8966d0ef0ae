//! The reference view's constant markup: the operations sidebar (search, then the list the view fills) and
//! the documentation pane (the API's overview or one operation). Every control has a label or a name.

/// Put between the page's header and its workspace.
pub const REFERENCE: &str = concat!(
    r#"<section class="reference" id="reference" aria-label="API reference">"#,
    r#"<nav class="ref-side" aria-label="Operations">"#,
    r#"<label for="ref-server">Server</label><select id="ref-server"></select>"#,
    r#"<input type="search" id="ref-search" aria-label="Search operations" placeholder="Search operations" autocomplete="off">"#,
    r#"<p class="ref-count" id="ref-count" role="status"></p>"#,
    r#"<div class="ref-list" id="ref-list"></div></nav>"#,
    r#"<div class="ref-main" id="ref-main">"#,
    r#"<p class="problem" id="ref-problem" role="alert" hidden></p>"#,
    r#"<div class="ref-overview" id="ref-overview"><p class="hint" id="ref-loading">Reading the API description…</p></div>"#,
    r#"<article class="ref-doc" id="ref-doc" aria-labelledby="ref-op-title" hidden></article>"#,
    r#"<details class="ref-open" id="ref-open"><summary>Open another API description</summary>"#,
    r#"<label for="ref-url">Address of an OpenAPI or Swagger description</label>"#,
    r#"<div class="ref-row"><input type="url" id="ref-url" placeholder="https://example.com/openapi.yaml">"#,
    r#"<button type="button" id="ref-url-open">Open</button></div>"#,
    r#"<label for="ref-file">Or choose a file</label><input type="file" id="ref-file" accept=".json,.yaml,.yml,application/json,application/yaml">"#,
    r#"<label for="ref-paste">Or paste it</label><textarea id="ref-paste" rows="4" spellcheck="false"></textarea>"#,
    r#"<button type="button" id="ref-paste-open">Read the pasted description</button></details>"#,
    r#"</div></section>"#
);

crate::controls! {
    /// The reference view's ids, as `REFERENCE` spells them.
    pub mod id {
        REFERENCE = "reference",
        SERVER = "ref-server",
        SEARCH = "ref-search",
        COUNT = "ref-count",
        LIST = "ref-list",
        MAIN = "ref-main",
        PROBLEM = "ref-problem",
        OVERVIEW = "ref-overview",
        LOADING = "ref-loading",
        DOC = "ref-doc",
        OPEN = "ref-open",
        URL = "ref-url",
        URL_OPEN = "ref-url-open",
        FILE = "ref-file",
        PASTE = "ref-paste",
        PASTE_OPEN = "ref-paste-open",
    } in super::REFERENCE
}
