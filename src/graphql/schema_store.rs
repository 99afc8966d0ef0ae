//! Where the editor's schema comes from and where it is kept: fetched with the introspection query from the
//! request's endpoint (its headers and auth as a send has them, through the page's one fetch path), or read
//! from an SDL file; kept in the browser's storage per endpoint, as SDL, so it is there the next time that
//! endpoint is opened (never in an embedded app, which keeps nothing of the user's).

use super::markup::id;
use super::state;
use crate::dom::bridge::draft;
use crate::dom::document::{by_id, set_text};
use crate::dom::form::set_attribute_of;
use crate::library::store::Store;
use crate::page::net;
use reqlab_core::edit::graphql_body::envelope;
use reqlab_core::graphql::schema::Schema;
use reqlab_core::graphql::INTROSPECTION_QUERY;
use reqlab_core::{prepare, Body, Method, RawLanguage};
use std::rc::Rc;

/// The storage key of an endpoint's schema.
const KEY: &str = "reqlab.graphql-schema ";

/// An introspection answer larger than this is refused: GitHub's, one of the largest, is about 7 MB.
const MAX_ANSWER: usize = 64 << 20;

/// The endpoint a URL names, for keeping its schema: `ws(s)://` as `http(s)://`, without query or fragment.
pub fn endpoint(url: &str) -> String {
    let url = url.trim();
    let url = url.split(['?', '#']).next().unwrap_or(url);
    match url.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("wss") => format!("https://{rest}"),
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("ws") => format!("http://{rest}"),
        _ => url.to_string(),
    }
}

fn current_endpoint() -> Option<String> {
    draft("last").map(|d| endpoint(&d.request.url))
}

/// The schema kept for the request's endpoint, when the editor has none for it yet.
pub fn restore() {
    let Some(endpoint) = current_endpoint() else {
        return;
    };
    if state::with(|s| s.endpoint == endpoint) {
        return;
    }
    let kept = Store::open(crate::library::is_embedded()).get(&format!("{KEY}{endpoint}"));
    match kept.map(|sdl| Schema::from_sdl(&sdl)) {
        Some(Ok(schema)) => adopt(schema, &endpoint, "kept from an earlier visit", false),
        _ => forget(&endpoint),
    }
}

/// Fetches the schema by introspection from the request's endpoint.
pub async fn fetch() {
    let Some(draft) = draft("last") else { return };
    let mut request = draft.request;
    let endpoint = endpoint(&request.url);
    request.url = endpoint.clone();
    request.query.clear();
    request.method = Method::Post;
    request.body = Body::Raw {
        language: RawLanguage::GraphQl,
        text: envelope(INTROSPECTION_QUERY, None, Some("IntrospectionQuery")),
    };
    status(&format!("Asking {endpoint} for its schema…"), "");
    let prepared = match prepare(&request, &draft.variables.active()) {
        Ok(prepared) => prepared,
        Err(error) => {
            return status(
                &format!("The introspection request cannot be sent: {error}"),
                "problem",
            )
        }
    };
    let Ok(controller) = web_sys::AbortController::new() else {
        return;
    };
    let answer = match net::send(&prepared, &controller.signal(), MAX_ANSWER, &|_| {}).await {
        Ok(answer) => answer,
        Err(error) => {
            return status(
                &format!("The introspection request failed: {error}"),
                "problem",
            )
        }
    };
    let text = String::from_utf8_lossy(&answer.body);
    match Schema::from_introspection(&text) {
        Ok(schema) => adopt(schema, &endpoint, "from introspection", true),
        Err(why) => status(
            &format!("{endpoint} answered {} but no schema: {why}", answer.status),
            "problem",
        ),
    }
}

/// Reads an SDL file as the request's endpoint's schema.
pub async fn load_file(file: web_sys::File) {
    let Some(endpoint) = current_endpoint() else {
        return;
    };
    let Some(text) = crate::dom::document::file_text(&file).await else {
        return status(&format!("{} could not be read.", file.name()), "problem");
    };
    match Schema::from_sdl(&text) {
        Ok(schema) => adopt(schema, &endpoint, &format!("from {}", file.name()), true),
        Err(error) => status(
            &format!(
                "{} is not GraphQL SDL: {} (line {}, column {}).",
                file.name(),
                error.message,
                error.at.line,
                error.at.column
            ),
            "problem",
        ),
    }
}

/// Makes `schema` the editor's, kept for `endpoint` when `keep`, and says so.
fn adopt(schema: Schema, endpoint: &str, source: &str, keep: bool) {
    let count = schema.types().len();
    let kept = if keep {
        match Store::open(crate::library::is_embedded())
            .set(&format!("{KEY}{endpoint}"), &schema.to_sdl())
        {
            Ok(()) => " Kept for this endpoint.".to_string(),
            Err(why) => format!(" Not kept for next time: {why}."),
        }
    } else {
        String::new()
    };
    state::with(|s| {
        s.schema = Some(Rc::new(schema));
        s.endpoint = endpoint.to_string();
        s.trail.clear();
    });
    status(
        &format!("Schema of {endpoint}: {count} types, {source}.{kept}"),
        "ok",
    );
    if let Some(button) = by_id(id::EXPLORE) {
        set_attribute_of(&button, "disabled", None);
    }
    super::edited();
    super::explorer::refresh();
}

/// No schema for this endpoint (yet).
fn forget(endpoint: &str) {
    state::with(|s| {
        s.schema = None;
        s.endpoint = endpoint.to_string();
    });
    if let Some(button) = by_id(id::EXPLORE) {
        set_attribute_of(&button, "disabled", Some(""));
    }
}

fn status(text: &str, class: &str) {
    set_text(id::SCHEMA_STATUS, text);
    if let Some(line) = by_id(id::SCHEMA_STATUS) {
        set_attribute_of(&line, "class", Some(&format!("hint {class}")));
    }
}
