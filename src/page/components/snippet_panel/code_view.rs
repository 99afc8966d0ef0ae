//! Snippet stage UI: the generated code, highlighted, and its warnings, or why there is no code. The worker
//! cut the code into runs (see `protocol::snippet::Answer::runs`); the page does no lexing of its own.
//!
//! Like the controls, this is static markup (see `markup`) filled by plain DOM calls: rendering the runs as
//! a Leptos view cost the page's wasm about 1.5 KB gzip, filling them costs a few hundred bytes.

use super::markup::id;
use crate::dom::form::{fill_list, find, set_hidden_element};
use crate::protocol::snippet::Answer;
use web_sys::Element;

/// Shows the answer's code, one `<span>` per run (class `tok-…` for a highlighted token), and its
/// warnings; or its error instead of the code.
pub fn show_answer(root: &Element, answer: &Answer) {
    let Some(document) = root.owner_document() else {
        return;
    };
    match &answer.error {
        Some(error) => show_message(root, "hint", error),
        None => show_message(root, "hint", ""),
    }
    if let Some(pre) = find(root, id::CODE) {
        set_hidden_element(&pre, answer.error.is_some());
        if let Some(code) = pre.first_element_child() {
            code.set_text_content(None);
            for (class, text) in &answer.runs {
                if let Ok(span) = document.create_element("span") {
                    if !class.is_empty() {
                        span.set_class_name(class);
                    }
                    span.set_text_content(Some(text));
                    let _ = code.append_child(&span);
                }
            }
        }
    }
    fill_list(root, id::WARNINGS, &answer.warnings);
}

/// Shows why there can be no code at all (the worker could not start), in place of the code.
pub fn show_problem(root: &Element, problem: &str) {
    show_message(root, "problem", problem);
    if let Some(pre) = find(root, id::CODE) {
        set_hidden_element(&pre, true);
    }
}

/// Sets the message line's text and class; an empty text hides it.
fn show_message(root: &Element, class: &str, text: &str) {
    if let Some(message) = find(root, id::MESSAGE) {
        message.set_class_name(class);
        message.set_text_content(Some(text));
        set_hidden_element(&message, text.is_empty());
    }
}
