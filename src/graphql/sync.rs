//! The editor and the page's raw text, which holds the envelope and stays the body's one truth: the
//! envelope is read into the query, the variables and the operation picker, and each edit is written back
//! as the page's own input, so the draft, History, snippets and share links see it as any body.

use super::markup::id;
use super::state;
use crate::dom::document::{by_id, set_value, value};
use crate::dom::form::set_value_of;
use reqlab_core::edit::graphql_body::{envelope, parts};
use reqlab_core::render::json;

/// The page's raw text, in the GraphQL mode's markup (`body_tab::GRAPHQL`).
const PAGE_TEXT: &str = "body-text";

/// Reads the page's envelope into the editor, when it is not the one the editor wrote (or when `always`).
/// A text that is no envelope (switched from another mode) is taken as the query, to keep it.
pub fn load(always: bool) -> bool {
    let text = value(PAGE_TEXT);
    if !always && state::with(|s| s.written == text) {
        return false;
    }
    let (query, variables, operation) = match parts(&text) {
        Some(parts) => (parts.query, parts.variables, parts.operation_name),
        None => (text.clone(), None, None),
    };
    let variables = variables.unwrap_or_default();
    set_value(id::QUERY, &query);
    set_value(id::VARIABLES, &variables);
    super::operations::refresh(operation.as_deref());
    state::with(|s| s.written = text);
    true
}

/// Writes the editor's query, variables and chosen operation to the page as the envelope. Variables go as
/// written when they are JSON, or JSON but for `{{variables}}` resolved at send time; any other text goes
/// as a JSON string, so the envelope stays JSON, nothing typed is lost, and the server says what it expects.
pub fn write() {
    let typed = value(id::VARIABLES);
    let variables = if typed.trim().is_empty() || json::check(&as_if_resolved(&typed)).is_ok() {
        typed
    } else {
        serde_json::to_string(&typed).unwrap_or_default()
    };
    let operation = value(id::OPERATION);
    let text = envelope(
        &value(id::QUERY),
        Some(variables.as_str()),
        Some(operation.as_str()).filter(|name| !name.is_empty()),
    );
    if state::with(|s| std::mem::replace(&mut s.written, text.clone()) == text) {
        return;
    }
    if let Some(page_text) = by_id(PAGE_TEXT) {
        type_into(&page_text, &text);
    }
}

/// The text with each `{{name}}` as a number: JSON then when it will be once they are resolved.
fn as_if_resolved(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push('0');
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

/// Sets a page control's value as if typed there: the page's form reads its `input` event.
pub fn type_into(control: &web_sys::Element, text: &str) {
    set_value_of(control, text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = control.dispatch_event(&event);
    }
}
