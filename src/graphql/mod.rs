//! The GraphQL bundle: the Body tab's GraphQL editor (the query with completion and its problems marked,
//! the variables checked against the chosen operation, the operation picker), the schema (introspection
//! or an SDL file, kept per endpoint) and its explorer, and the answer's errors marked where they point.
//! A wasm module of its own (`src/bin/graphql.rs`), imported by index.html when the editor's element
//! (`<reqlab-graphql>`, the GraphQL mode's content) first shows, so none of it weighs on the page. The
//! editor writes the envelope into the page's raw text (`sync`), so the page sends, keeps and shares it as
//! any body.

mod code;
mod completion;
mod explorer;
mod markup;
mod operations;
mod problems;
mod schema_store;
mod state;
mod sync;
mod text;

use crate::dom::document::{by_id, on, on_window, set_value, take_chosen_file, value};
use markup::id;
use reqlab_core::edit::graphql_body::parts;
use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::variables::skeleton;
use reqlab_core::{Body, RawLanguage};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlTextAreaElement, KeyboardEvent};

/// The bundle's styles, put in the page when it starts (the page's own CSS does not carry them).
const STYLE: &str = include_str!("../../style/graphql.css");

pub fn start() {
    console_error_panic_hook::set_once();
    crate::dom::document::add_style(STYLE);
    on_window("reqlab:edit", |_| catch_up());
    mount();
}

/// Draws the editor in the Body tab's `<reqlab-graphql>`, if one is waiting (index.html calls this each
/// time one is put in the page).
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(root)) = document.query_selector("reqlab-graphql:not([data-ready])") else {
        return;
    };
    let _ = root.set_attribute("data-ready", "");
    root.set_inner_html(markup::EDITOR);
    listen();
    state::with(|s| {
        s.endpoint.clear();
        s.trail.clear();
    });
    sync::load(true);
    schema_store::restore();
    operations::refresh(None);
    problems::refresh();
}

/// An answer arrived: its `errors` with locations are marked in the query they answered.
pub fn answered() {
    let Some(latest) = crate::dom::answer::latest() else {
        return;
    };
    let sent = latest.draft.map(|d| d.request.body);
    let Some(Body::Raw {
        language: RawLanguage::GraphQl,
        text,
    }) = sent
    else {
        return;
    };
    let Some(sent) = parts(&text) else { return };
    let errors = serde_json::from_slice::<serde_json::Value>(&latest.body)
        .ok()
        .and_then(|answer| answer.get("errors").and_then(|e| e.as_array()).cloned())
        .unwrap_or_default();
    let located = errors
        .iter()
        .filter_map(|error| {
            let location = error.get("locations")?.as_array()?.first()?;
            Some(state::AnswerError {
                message: error.get("message")?.as_str()?.to_string(),
                line: location.get("line")?.as_u64()? as u32,
                column: location.get("column")?.as_u64()? as u32,
            })
        })
        .collect();
    state::with(|s| {
        s.answer_errors = located;
        s.answered_query = sent.query;
    });
    problems::refresh();
}

/// The query, the variables or the operation changed here: the page gets the envelope, the checks run.
fn edited() {
    sync::write();
    operations::refresh(None);
    problems::refresh();
    code::refresh();
}

/// An edit on the page: another envelope (a request opened, an import) is read in; a new address may have
/// a kept schema, and changes how the request travels.
fn catch_up() {
    if by_id(id::QUERY).is_none() {
        return;
    }
    if sync::load(false) {
        problems::refresh();
    }
    schema_store::restore();
    operations::show_transport();
    code::refresh();
}

fn listen() {
    on(id::QUERY, "input", |_| {
        edited();
        completion::update(false);
    });
    on(id::QUERY, "keydown", |event| {
        if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
            if completion::key(key) {
                event.prevent_default();
                event.stop_propagation();
            }
        }
    });
    on(id::QUERY, "scroll", |_| {
        if let (Some(area), Some(backdrop)) = (
            by_id(id::QUERY).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()),
            by_id(id::BACKDROP),
        ) {
            backdrop.set_scroll_top(area.scroll_top());
            backdrop.set_scroll_left(area.scroll_left());
        }
    });
    on(id::QUERY, "blur", |_| completion::close());
    // A press on an item takes it without taking the focus from the query.
    on(id::COMPLETE, "mousedown", |event| {
        event.prevent_default();
        if let Some(index) = data_of(&event, "data-index").and_then(|i| i.parse().ok()) {
            completion::take(index);
        }
    });
    on(id::VARIABLES, "input", |_| edited());
    on(id::OPERATION, "change", |_| edited());
    on(id::FILL, "click", |_| fill_variables());
    on(id::FETCH, "click", |_| spawn_local(schema_store::fetch()));
    on(id::SDL_FILE, "change", |event| {
        if let Some(file) = take_chosen_file(&event) {
            spawn_local(schema_store::load_file(file));
        }
    });
    on(id::EXPLORE, "click", |_| explorer::toggle());
    on(id::SEARCH, "input", |_| explorer::search());
    on(id::EXPLORER, "click", |event| {
        if let Some(name) = data_of(&event, "data-type") {
            explorer::open(Some(name.as_str()).filter(|n| !n.is_empty()));
        } else if data_of(&event, "data-back").is_some() {
            explorer::back();
        } else if data_of(&event, "data-sdl").is_some() {
            explorer::show_sdl();
        }
    });
    on(id::PROBLEMS, "click", |event| {
        if let Some(at) = data_of(&event, "data-at").and_then(|at| at.parse().ok()) {
            put_cursor(at);
        }
    });
    on(id::CODE_BOX, "toggle", |_| code::refresh());
    on(id::CODE_COPY, "click", |_| code::copy());
    on(id::TRANSPORT, "click", |event| {
        if let Some(url) = data_of(&event, "data-url") {
            operations::use_url(&url);
            // The note (and its button, which had the focus) is drawn anew: the focus goes back to the query.
            crate::dom::document::focus(id::QUERY);
        }
    });
}

/// The attribute `name` of the element an event happened in (or of its nearest ancestor that has it).
fn data_of(event: &web_sys::Event, name: &str) -> Option<String> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target
        .closest(&format!("[{name}]"))
        .ok()??
        .get_attribute(name)
}

/// Puts the cursor at byte `at` of the query, and the focus there.
fn put_cursor(at: usize) {
    let Some(area) = by_id(id::QUERY).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else {
        return;
    };
    let index = text::utf16_index(&area.value(), at);
    let _ = area.focus();
    let _ = area.set_selection_range(index, index);
}

/// Fills the variables with each the chosen operation declares, a placeholder of its type for those not
/// given yet.
fn fill_variables() {
    let query = value(id::QUERY);
    let Ok(document) = parse(&query) else { return };
    let chosen = value(id::OPERATION);
    let Ok(operation) = document.select(Some(chosen.as_str()).filter(|n| !n.is_empty())) else {
        return;
    };
    let schema = state::schema();
    set_value(id::VARIABLES, &skeleton(operation, schema.as_deref()));
    edited();
}
