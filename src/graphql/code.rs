//! The request as Python's `gql` client writes it: GraphQL's idiomatic variant of the snippets, shown here
//! beside the query rather than in the snippet panel, whose worker every first visit downloads.

use super::markup::id;
use super::state;
use crate::dom::bridge::draft;
use crate::dom::document::{by_id, set_text};
use reqlab_core::snippet::{python_gql, Options};
use reqlab_core::{prepare_for, Body, RawLanguage, Sender};

/// Writes the code, when its box is open.
pub fn refresh() {
    let open = by_id(id::CODE_BOX).is_some_and(|b| b.has_attribute("open"));
    let Some(draft) = draft("last").filter(|_| open) else {
        return;
    };
    let mut request = draft.request;
    // The envelope as the editor wrote it last: the page's draft may not have caught up yet.
    request.body = Body::Raw {
        language: RawLanguage::GraphQl,
        text: state::with(|s| s.written.clone()),
    };
    let code = match prepare_for(&request, &draft.variables.active(), Sender::Server) {
        Ok(prepared) => {
            let snippet = python_gql(&prepared, &Options::default());
            let notes: String = snippet
                .warnings
                .iter()
                .map(|w| format!("# {w}\n"))
                .collect();
            format!("{notes}{}", snippet.code)
        }
        Err(error) => format!("# Fix the request to see its code: {error}"),
    };
    set_text(id::CODE, &code);
}

/// Copies the code.
pub fn copy() {
    let code = by_id(id::CODE).and_then(|pre| pre.text_content());
    let _ = crate::dom::write_clipboard(&code.unwrap_or_default());
}
