//! Edit stage UI: the body in each mode: none, raw text (JSON checked live, with Format), URL-encoded form,
//! multipart form with files, or one binary file. The mode switch and the none, raw and binary editors are
//! a bound form (see `bound_form`) whose content is replaced when the mode changes, so only the chosen
//! mode's controls exist; the two row lists are their own components.

use super::file_picker::{describe, read_chosen_files};
use super::parts_list::PartsList;
use super::problem_for;
use crate::dom::form::{set_attribute, set_hidden, set_property_of, set_text, set_text_of};
use crate::page::components::bound_form::{form, Binding, Bindings};
use crate::page::components::key_value_table::KeyValueTable;
use crate::page::state::{use_app_state, BodyMode, Editor};
use leptos::prelude::*;
use reqlab_core::render::json;
use reqlab_core::{Field, RawLanguage};
use wasm_bindgen::JsValue;
use web_sys::Element;

crate::controls! {
    /// The Body tab's ids, as `MARKUP`, `RAW` and `BINARY` spell them. The mode radios' ids are made in
    /// code (`body-mode-<index>`, see `add_mode_switch`).
    mod id {
        MODES = "body-modes",
        CONTENT = "body-content",
        RAW_LANGUAGE = "raw-language",
        FORMAT_JSON = "format-json",
        TEXT = "body-text",
        JSON_STATUS = "body-json-status",
        JSON_MESSAGE = "body-json-message",
        BINARY_FILE = "binary-file",
        BINARY_FILE_INFO = "binary-file-info",
        BINARY_FILE_PROBLEM = "binary-file-problem",
    } in [MARKUP, NONE, RAW, BINARY, GRAPHQL].concat()
}

const MARKUP: &str = concat!(
    r#"<fieldset class="body-modes" id="body-modes"><legend>Body type</legend></fieldset>"#,
    r#"<div id="body-content"></div>"#,
);

const NONE: &str = r#"<p class="hint">This request has no body.</p>"#;

const RAW: &str = concat!(
    r#"<div class="raw-toolbar"><label for="raw-language">Content</label><select id="raw-language"></select>"#,
    r#"<button type="button" id="format-json" hidden>Format</button></div>"#,
    r#"<label for="body-text" class="visually-hidden">Body text</label>"#,
    r#"<textarea id="body-text" rows="10" spellcheck="false" placeholder="Request body" aria-describedby="body-json-status"></textarea>"#,
    r#"<p id="body-json-status" class="field-status" aria-live="polite"><span id="body-json-message"></span></p>"#,
);

const BINARY: &str = concat!(
    r#"<label for="binary-file" class="field-label">File</label><input id="binary-file" type="file">"#,
    r#"<p class="file-info" id="binary-file-info"></p><p class="problem" id="binary-file-problem"></p>"#,
);

/// The GraphQL bundle's editor (`src/graphql`, loaded when index.html sees the element) over the envelope
/// it writes into the raw text, which stays the body's one truth.
const GRAPHQL: &str = concat!(
    r#"<reqlab-graphql><p class="hint">Loading the GraphQL editor…</p></reqlab-graphql>"#,
    r#"<textarea id="body-text" hidden aria-label="GraphQL request as JSON"></textarea>"#,
);

/// The mode radios' ids, in the order of `BodyMode::ALL`: `body-mode-<wire name>` (held so by a test).
const MODE_IDS: [&str; 6] = [
    "body-mode-none",
    "body-mode-raw",
    "body-mode-url_encoded",
    "body-mode-multipart",
    "body-mode-binary",
    "body-mode-graphql",
];

/// Mode switch and the editor for the chosen mode.
#[component]
pub fn BodyTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let problem = problem_for(state, Field::Body);
    // Why the binary file could not be read, until one is read.
    let file_error = RwSignal::new(None::<String>);
    let mut bindings: Bindings = vec![(id::MODES, Binding::show(add_mode_switch))];
    for (&mode, radio) in BodyMode::ALL.iter().zip(MODE_IDS) {
        let checked = move |radio: &Element| {
            set_property_of(
                radio,
                "checked",
                &JsValue::from_bool(editor.body_mode.get() == mode),
            )
        };
        bindings.push((
            radio,
            Binding::control(checked, move |_| editor.body_mode.set(mode)),
        ));
    }
    bindings.extend([
        (
            id::CONTENT,
            Binding::show(move |content| show_content(content, editor.body_mode.get())),
        ),
        (id::RAW_LANGUAGE, Binding::choice(editor.raw_language)),
        (id::TEXT, Binding::Text(editor.raw_text)),
        (
            id::JSON_STATUS,
            Binding::show(move |status| show_json_status(status, editor)),
        ),
        (
            id::FORMAT_JSON,
            Binding::click(move || {
                if let Ok(formatted) = json::format(&editor.raw_text.get_untracked(), 2) {
                    editor.raw_text.set(formatted);
                }
            }),
        ),
        (
            id::BINARY_FILE,
            Binding::Input(Box::new(move |ev| {
                read_chosen_files(
                    ev,
                    move |files| {
                        file_error.set(None);
                        editor.binary_file.set(files.into_iter().next());
                    },
                    move |message| file_error.set(Some(message)),
                )
            })),
        ),
        (
            id::BINARY_FILE_INFO,
            Binding::show(move |info| {
                let described = editor.binary_file.with(|f| f.as_ref().map(describe));
                set_text_of(info, described.as_deref().unwrap_or_default());
            }),
        ),
        (
            id::BINARY_FILE_PROBLEM,
            Binding::show(move |problem| {
                set_text_of(problem, &file_error.get().unwrap_or_default())
            }),
        ),
    ]);
    let lists = move || match editor.body_mode.get() {
        BodyMode::UrlEncoded => view! {
            <KeyValueTable rows=editor.form_fields label="Form fields" add_label="Add field"/>
        }
        .into_any(),
        BodyMode::Multipart => view! { <PartsList/> }.into_any(),
        _ => ().into_any(),
    };
    view! {
        {form("", MARKUP, bindings)}
        {lists}
        <p class="problem" aria-live="polite">{problem}</p>
    }
}

/// Puts the chosen mode's controls in the content box, when the mode changed: only they exist, and the
/// rows of the table that binds them find the others missing.
fn show_content(content: &Element, mode: BodyMode) {
    let (name, markup) = match mode {
        BodyMode::None => ("none", NONE),
        BodyMode::Raw => ("raw", RAW),
        BodyMode::Binary => ("binary", BINARY),
        BodyMode::GraphQl => ("graphql", GRAPHQL),
        BodyMode::UrlEncoded | BodyMode::Multipart => ("list", ""),
    };
    if content.get_attribute("data-mode").as_deref() != Some(name) {
        let _ = content.set_attribute("data-mode", name);
        content.set_inner_html(markup);
    }
}

/// The radio buttons of the modes, made once from `BodyMode::ALL`.
fn add_mode_switch(fieldset: &Element) {
    let Some(document) = fieldset.owner_document() else {
        return;
    };
    if fieldset.child_element_count() > 1 {
        return;
    }
    for (i, mode) in BodyMode::ALL.iter().enumerate() {
        let (Ok(label), Ok(radio)) = (
            document.create_element("label"),
            document.create_element("input"),
        ) else {
            return;
        };
        label.set_class_name("radio");
        let _ = radio.set_attribute("type", "radio");
        let _ = radio.set_attribute("name", "body-mode");
        radio.set_id(MODE_IDS[i]);
        let _ = label.append_child(&radio);
        let _ = label.append_with_str_1(mode.label());
        let _ = fieldset.append_child(&label);
    }
}

/// JSON is validated as it is typed (invalid JSON can still be sent on purpose): the status line says how,
/// and Format shows only for JSON and works only on valid JSON. The status paragraph is the root of the
/// message and of Format's state (both in the raw mode's markup).
fn show_json_status(status: &Element, editor: Editor) {
    let Some(raw) = status.parent_element() else {
        return;
    };
    let is_json = editor.raw_language.get() == RawLanguage::Json;
    let checked = editor.raw_text.with(|text| {
        (is_json && !text.trim().is_empty()).then(|| json::check(text).map_err(|e| e.to_string()))
    });
    set_hidden(&raw, id::FORMAT_JSON, !is_json);
    let valid = matches!(checked, Some(Ok(())));
    set_attribute(&raw, id::FORMAT_JSON, "disabled", (!valid).then_some(""));
    let (class, message) = match checked {
        Some(Ok(())) => ("ok", "Valid JSON".to_string()),
        Some(Err(message)) => (
            "problem",
            format!("{message} It can still be sent as it is."),
        ),
        None => ("", String::new()),
    };
    set_attribute(&raw, id::JSON_MESSAGE, "class", Some(class));
    set_text(&raw, id::JSON_MESSAGE, &message);
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_mode_has_its_radio_id() {
        let ids: Vec<String> = crate::page::state::BodyMode::IDS
            .iter()
            .map(|mode| format!("body-mode-{mode}"))
            .collect();
        assert_eq!(ids, super::MODE_IDS);
    }
}
