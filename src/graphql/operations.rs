//! The operation picker and how the chosen operation travels: the document's operations by name (core's
//! tolerant `operation_names`, so the list holds still while a document is half typed), the envelope's
//! `operationName` chosen among them, and what its kind means for the send: a subscription goes over
//! WebSocket, a mutation never on GET (GraphQL over HTTP).

use super::markup::id;
use crate::dom::bridge::draft;
use crate::dom::document::{by_id, set_hidden, value};
use crate::dom::form::{fill_select_element, set_attribute_of, set_value_of};
use crate::dom::html::escape;
use reqlab_core::graphql::document::{operation_names, OperationKind};
use reqlab_core::Method;

/// Fills the picker from the query, choosing `chosen` (the envelope's name) or keeping the choice made.
pub fn refresh(chosen: Option<&str>) {
    let Some(select) = by_id(id::OPERATION) else {
        return;
    };
    let operations = operation_names(&value(id::QUERY));
    let current = chosen.map_or_else(|| value(id::OPERATION), str::to_string);
    let labels: Vec<(String, String)> = operations
        .iter()
        .map(|(kind, name)| {
            let name = name.clone().unwrap_or_default();
            let label = match name.as_str() {
                "" => format!("(anonymous {})", kind.keyword()),
                named => format!("{named} ({})", kind.keyword()),
            };
            // With one operation the envelope names none: a server runs the only one there is.
            (
                if operations.len() > 1 {
                    name
                } else {
                    String::new()
                },
                label,
            )
        })
        .collect();
    let entries: Vec<(&str, &str)> = if labels.is_empty() {
        vec![("", "(no operation yet)")]
    } else {
        labels
            .iter()
            .map(|(v, l)| (v.as_str(), l.as_str()))
            .collect()
    };
    fill_select_element(&select, &entries);
    if entries.iter().any(|(name, _)| *name == current) {
        set_value_of(&select, &current);
    }
    set_attribute_of(&select, "disabled", (operations.len() < 2).then_some(""));
    show_transport();
}

/// The chosen operation's kind, if the query has one.
pub fn chosen_kind() -> Option<OperationKind> {
    let chosen = value(id::OPERATION);
    let operations = operation_names(&value(id::QUERY));
    operations
        .iter()
        .find(|(_, name)| chosen.is_empty() || name.as_deref() == Some(chosen.as_str()))
        .map(|(kind, _)| *kind)
}

/// Says how the request will travel, with the way to a WebSocket address for a subscription.
pub fn show_transport() {
    let Some(note) = by_id(id::TRANSPORT) else {
        return;
    };
    let Some(request) = draft("last").map(|d| d.request) else {
        return;
    };
    let socket = ["ws://", "wss://"].iter().any(|scheme| {
        request
            .url
            .trim_start()
            .to_ascii_lowercase()
            .starts_with(scheme)
    });
    let html = match (chosen_kind(), socket) {
        (Some(OperationKind::Subscription), false) => format!(
            "A subscription travels over WebSocket (graphql-transport-ws): \
             <button type=\"button\" data-url=\"{0}\">Send to {0}</button>",
            escape(&websocket_url(&request.url))
        ),
        (_, true) => "Sent over WebSocket (graphql-transport-ws, or the older \
                      subscriptions-transport-ws when the server asks for it); the headers go in \
                      connection_init's payload, as a browser cannot set a handshake's headers."
            .to_string(),
        (Some(OperationKind::Mutation), false) if request.method == Method::Get => {
            "GraphQL over HTTP runs no mutation sent with GET: choose POST.".to_string()
        }
        (_, false) if request.method == Method::Get => {
            "Sent with GET: the query, variables and operation name go in the URL.".to_string()
        }
        _ => "Sent with POST as application/json.".to_string(),
    };
    note.set_inner_html(&html);
    set_hidden(id::TRANSPORT, false);
}

/// The WebSocket address of an HTTP endpoint (`https://h/graphql` → `wss://h/graphql`).
fn websocket_url(url: &str) -> String {
    let url = url.trim();
    match url.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => format!("wss://{rest}"),
        Some((_, rest)) => format!("ws://{rest}"),
        None => format!("ws://{url}"),
    }
}

/// Puts `url` in the page's address field, as if typed there.
pub fn use_url(url: &str) {
    if let Some(field) = by_id("url") {
        super::sync::type_into(&field, url);
    }
}
