//! Import stage UI: the notice under the URL field after an import: what was imported, what was left out,
//! and Undo; or why a pasted curl command could not be imported.

use super::markup::id;
use crate::dom::form::{fill_list, find, set_hidden_element, set_text};
use crate::protocol::import::ImportAnswer;
use web_sys::Element;

/// "Imported a curl command (2 warnings)." with the warnings listed and Undo offered.
pub fn imported(root: &Element, answer: &ImportAnswer) {
    let count = answer.warnings.len();
    let message = format!(
        "Imported {} ({count} warning{}).",
        answer.summary,
        if count == 1 { "" } else { "s" }
    );
    show(root, &message, &answer.warnings, true);
}

/// A request the library opened (`bridge`), with its own sentence and what it left out, and Undo offered.
pub fn opened(root: &Element, summary: &str, warnings: &[String]) {
    show(root, summary, warnings, true);
}

pub fn failed(root: &Element, error: &str) {
    show(
        root,
        &format!("The pasted curl command was not imported: {error}"),
        &[],
        false,
    );
}

/// A sentence of its own (an export that failed).
pub fn message(root: &Element, text: &str) {
    show(root, text, &[], false);
}

pub fn clear(root: &Element) {
    show(root, "", &[], false);
}

fn show(root: &Element, message: &str, warnings: &[String], undo: bool) {
    set_text(root, id::MESSAGE, message);
    fill_list(root, id::NOTICE_WARNINGS, warnings);
    for (id, hidden) in [(id::UNDO, !undo), (id::DISMISS, message.is_empty())] {
        if let Some(button) = find(root, id) {
            set_hidden_element(&button, hidden);
        }
    }
}
