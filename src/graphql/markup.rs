//! The GraphQL editor's markup, written once into the Body tab's `<reqlab-graphql>`, and its elements' ids.

pub mod id {
    pub const OPERATION: &str = "gql-operation";
    pub const QUERY: &str = "gql-query";
    pub const BACKDROP: &str = "gql-backdrop";
    pub const COMPLETE: &str = "gql-complete";
    pub const COMPLETE_NOTE: &str = "gql-complete-note";
    pub const PROBLEMS: &str = "gql-problems";
    pub const VARIABLES: &str = "gql-variables";
    pub const VARIABLES_STATUS: &str = "gql-variables-status";
    pub const FILL: &str = "gql-fill";
    pub const TRANSPORT: &str = "gql-transport";
    pub const CODE_BOX: &str = "gql-code-box";
    pub const CODE: &str = "gql-code";
    pub const CODE_COPY: &str = "gql-code-copy";
    pub const FETCH: &str = "gql-fetch";
    pub const SDL_FILE: &str = "gql-sdl-file";
    pub const SCHEMA_STATUS: &str = "gql-schema-status";
    pub const EXPLORE: &str = "gql-explore";
    pub const EXPLORER: &str = "gql-explorer";
    pub const SEARCH: &str = "gql-search";
    pub const RESULTS: &str = "gql-results";
    pub const TYPE_VIEW: &str = "gql-type";
    pub const SDL_VIEW: &str = "gql-sdl";
}

/// The editor: the operation picker and the schema's controls, the query (a textarea over a backdrop that
/// marks problems), its completion list and problems, the variables, and the explorer, closed at first.
pub const EDITOR: &str = concat!(
    r#"<div class="gql-bar">"#,
    r#"<label for="gql-operation">Operation</label><select id="gql-operation"></select>"#,
    r#"<button type="button" id="gql-fetch">Fetch schema</button>"#,
    r#"<label class="gql-file">Load SDL file…<input type="file" id="gql-sdl-file" class="visually-hidden" accept=".graphql,.graphqls,.gql,.sdl,.txt"></label>"#,
    r#"<button type="button" id="gql-explore" aria-expanded="false" aria-controls="gql-explorer" disabled>Explore schema</button>"#,
    r#"</div>"#,
    r#"<p id="gql-schema-status" class="hint" aria-live="polite">No schema yet: fetch it by introspection or load an SDL file for completion and checks.</p>"#,
    r#"<div class="gql-panes"><div class="gql-query-pane">"#,
    r#"<label for="gql-query" class="field-label">Query</label>"#,
    r#"<div class="gql-query-box"><div id="gql-backdrop" class="gql-backdrop" aria-hidden="true"></div>"#,
    r#"<textarea id="gql-query" rows="12" spellcheck="false" autocapitalize="off" aria-autocomplete="list" aria-controls="gql-complete" aria-describedby="gql-problems" placeholder="query { … }  (Ctrl+Space completes)"></textarea>"#,
    r#"<div class="gql-complete" hidden><ul id="gql-complete" role="listbox" aria-label="Completions"></ul><p id="gql-complete-note"></p></div></div>"#,
    r#"<ul id="gql-problems" class="gql-problems" aria-live="polite"></ul>"#,
    r#"<p id="gql-transport" class="hint"></p>"#,
    r#"<details id="gql-code-box" class="gql-code"><summary>Python with gql</summary>"#,
    r#"<button type="button" id="gql-code-copy">Copy</button>"#,
    r#"<pre id="gql-code" tabindex="0" aria-label="Python with gql"></pre></details>"#,
    r#"</div><div class="gql-variables-pane">"#,
    r#"<label for="gql-variables" class="field-label">Variables (JSON)</label>"#,
    r#"<textarea id="gql-variables" rows="6" spellcheck="false" aria-describedby="gql-variables-status" placeholder="{ }"></textarea>"#,
    r#"<p id="gql-variables-status" class="field-status" aria-live="polite"></p>"#,
    r#"<button type="button" id="gql-fill">Fill in variables</button>"#,
    r#"</div></div>"#,
    r#"<section id="gql-explorer" class="gql-explorer" aria-label="Schema explorer" hidden>"#,
    r#"<input type="search" id="gql-search" aria-label="Search the schema" placeholder="Search types and fields">"#,
    r#"<div id="gql-results" class="gql-results"></div><div id="gql-type" class="gql-type"></div>"#,
    r#"<pre id="gql-sdl" class="gql-sdl" tabindex="0" aria-label="SDL" hidden></pre>"#,
    r#"</section>"#,
);
