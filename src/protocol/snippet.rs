//! Page <-> snippet worker: `Ask` in, `Answer` out, as JSON strings.

use reqlab_core::library::draft::Draft;
use serde::{Deserialize, Serialize};

/// Page -> worker: generate the chosen target's snippet for this request.
#[derive(Debug, Serialize, Deserialize)]
pub struct Ask {
    /// Echoed back, so the page can ignore answers to questions it has since replaced.
    pub seq: u64,
    /// The target and the options, as the panel stores them (see `workers::snippet::choice`); the worker resolves
    /// it, so any text is a valid choice.
    pub choice: String,
    /// The request and every environment (a snippet resolves `{{name}}` in the active one): what the page
    /// also announces to the library, so one serializer writes both.
    pub draft: Draft,
}

/// Worker -> page. Only types the page already decodes elsewhere (strings, lists of strings and of string
/// pairs), which keeps the page's decoder small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub seq: u64,
    /// The asked choice resolved and written canonically: what the page stores and asks with next.
    pub choice: String,
    /// `(value, text)` options of the Language and Client pickers.
    pub languages: Vec<(String, String)>,
    pub clients: Vec<(String, String)>,
    /// `(control id, value)` for every control of the panel (`true`/`false` for checkboxes).
    pub values: Vec<(String, String)>,
    /// Ids of the option controls that do nothing for the chosen target.
    pub hidden: Vec<String>,
    pub code: String,
    /// `code` again, cut into `(class, text)` runs that cover it exactly: class `tok-<kind>` for a
    /// highlighted token, empty for plain text. The lexing happens here so the page's bundle carries none
    /// of it: the page only renders these runs.
    pub runs: Vec<(String, String)>,
    pub warnings: Vec<String>,
    /// Why there is no code (the request cannot be prepared).
    pub error: Option<String>,
    /// The browser refuses the request (a body on GET, a blocked port) where a server sends it: the page
    /// then offers to send it via reqlab-echo. Told here because the worker prepares the request both ways
    /// anyway, and the page's own bundle has no room for a second view of it.
    pub browser_limit: bool,
}

crate::controls! {
    /// The snippet panel's ids, as its markup (`page::components::snippet_panel::markup::PANEL`) spells them.
    /// The snippet worker keys the choice text and its answer's values by them (`workers::snippet::choice`),
    /// and an embed link's language choice names one, so all three read them here.
    pub mod panel_id {
        LANGUAGE = "snippet-language",
        CLIENT = "snippet-client",
        INDENT = "snippet-indent",
        SHORT_FLAGS = "snippet-short-flags",
        MULTILINE = "snippet-multiline",
        SESSION = "snippet-session",
        TIMEOUT = "snippet-timeout",
        COPY = "snippet-copy",
        STATUS = "snippet-status",
        MESSAGE = "snippet-message",
        CODE = "snippet-code",
        WARNINGS = "snippet-warnings",
    }
}
