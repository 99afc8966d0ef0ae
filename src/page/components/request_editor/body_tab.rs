//! Edit stage UI: the body in each mode: none, raw text (JSON checked live, with Format), URL-encoded form,
//! multipart form with files, or one binary file. The mode switch and the none, raw and binary editors are
//! a static form (see `dom::form`) whose content is replaced when the mode changes, so only the chosen
//! mode's controls exist; the two row lists are their own components.

use super::file_picker::{describe, read_chosen_files};
use super::parts_list::PartsList;
use super::problem_for;
use crate::dom::form::{self, fill_select, find, set_attribute, set_checked};
use crate::dom::form::{set_hidden, set_text, set_value};
use crate::page::components::key_value_table::KeyValueTable;
use crate::page::state::{use_app_state, BodyMode, Editor};
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::render::json;
use reqlab_core::{Field, RawLanguage};
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
    }
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

/// Mode switch and the editor for the chosen mode.
#[component]
pub fn BodyTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let problem = problem_for(state, Field::Body);
    // Why the binary file could not be read, until one is read.
    let file_error = RwSignal::new(None::<String>);
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            sync(&root, editor, file_error);
        }
    });
    let on_input = move |ev: web_sys::Event| {
        let Some(edit) = form::edit_of(&ev) else {
            return;
        };
        match edit.id.as_str() {
            id::RAW_LANGUAGE => editor
                .raw_language
                .set(RawLanguage::parse(&edit.value).unwrap_or_default()),
            id::TEXT => editor.raw_text.set(edit.value),
            id::BINARY_FILE => read_chosen_files(
                &ev,
                move |files| {
                    file_error.set(None);
                    editor.binary_file.set(files.into_iter().next());
                },
                move |message| file_error.set(Some(message)),
            ),
            id => {
                // A mode radio's dynamic id (see `add_mode_switch`).
                let chosen = id
                    .strip_prefix("body-mode-")
                    .and_then(|i| i.parse::<usize>().ok());
                if let Some(&mode) = chosen.and_then(|i| BodyMode::ALL.get(i)) {
                    editor.body_mode.set(mode);
                }
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if form::edit_of(&ev).is_some_and(|e| e.id == id::FORMAT_JSON) {
            if let Ok(formatted) = json::format(&editor.raw_text.get_untracked(), 2) {
                editor.raw_text.set(formatted);
            }
        }
    };
    let lists = move || match editor.body_mode.get() {
        BodyMode::UrlEncoded => view! {
            <KeyValueTable rows=editor.form_fields label="Form fields" add_label="Add field"/>
        }
        .into_any(),
        BodyMode::Multipart => view! { <PartsList/> }.into_any(),
        _ => ().into_any(),
    };
    view! {
        <div node_ref=root inner_html=MARKUP on:input=on_input on:click=on_click></div>
        {lists}
        <p class="problem" aria-live="polite">{problem}</p>
    }
}

/// Shows the editor's body fields in the form under `root`.
fn sync(root: &Element, editor: Editor, file_error: RwSignal<Option<String>>) {
    add_mode_switch(root);
    let mode = editor.body_mode.get();
    for (i, m) in BodyMode::ALL.iter().enumerate() {
        // Dynamic ids, made by `add_mode_switch`.
        set_checked(root, &format!("body-mode-{i}"), *m == mode);
    }
    let Some(content) = find(root, id::CONTENT) else {
        return;
    };
    let (name, markup) = match mode {
        BodyMode::None => ("none", NONE),
        BodyMode::Raw => ("raw", RAW),
        BodyMode::Binary => ("binary", BINARY),
        BodyMode::UrlEncoded | BodyMode::Multipart => ("list", ""),
    };
    if content.get_attribute("data-mode").as_deref() != Some(name) {
        let _ = content.set_attribute("data-mode", name);
        content.set_inner_html(markup);
    }
    match mode {
        BodyMode::Raw => sync_raw(root, editor),
        BodyMode::Binary => {
            let info = editor.binary_file.with(|f| f.as_ref().map(describe));
            set_text(
                root,
                id::BINARY_FILE_INFO,
                info.as_deref().unwrap_or_default(),
            );
            set_text(
                root,
                id::BINARY_FILE_PROBLEM,
                &file_error.get().unwrap_or_default(),
            );
        }
        _ => {}
    }
}

/// The radio buttons of the modes, made once from `BodyMode::ALL`.
fn add_mode_switch(root: &Element) {
    let (Some(fieldset), Some(document)) = (find(root, id::MODES), root.owner_document()) else {
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
        // A dynamic id, `body-mode-<index into BodyMode::ALL>`: the input handler reads the index back.
        radio.set_id(&format!("body-mode-{i}"));
        let _ = label.append_child(&radio);
        let _ = label.append_with_str_1(mode.label());
        let _ = fieldset.append_child(&label);
    }
}

/// Raw text with a language; JSON is validated as it is typed (invalid JSON can still be sent on purpose).
fn sync_raw(root: &Element, editor: Editor) {
    let languages: Vec<(&str, &str)> = RawLanguage::ALL
        .iter()
        .map(|l| (l.as_str(), l.label()))
        .collect();
    fill_select(root, id::RAW_LANGUAGE, &languages);
    let language = editor.raw_language.get();
    set_value(root, id::RAW_LANGUAGE, language.as_str());
    let is_json = language == RawLanguage::Json;
    let status = editor.raw_text.with(|text| {
        set_value(root, id::TEXT, text);
        (is_json && !text.trim().is_empty()).then(|| json::check(text).map_err(|e| e.to_string()))
    });
    set_hidden(root, id::FORMAT_JSON, !is_json);
    let valid = matches!(status, Some(Ok(())));
    set_attribute(root, id::FORMAT_JSON, "disabled", (!valid).then_some(""));
    let (class, message) = match status {
        Some(Ok(())) => ("ok", "Valid JSON".to_string()),
        Some(Err(message)) => (
            "problem",
            format!("{message} It can still be sent as it is."),
        ),
        None => ("", String::new()),
    };
    set_attribute(root, id::JSON_MESSAGE, "class", Some(class));
    set_text(root, id::JSON_MESSAGE, &message);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_declared_ids_are_the_markups() {
        let mismatch = crate::dom::controls::id_mismatch(
            &[super::MARKUP, super::NONE, super::RAW, super::BINARY].concat(),
            super::id::IDS,
        );
        assert_eq!(mismatch, None);
    }
}
