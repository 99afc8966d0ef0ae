//! Import stage UI: the Import dialog's DOM: opening it fresh, reading its controls into a question,
//! reading a chosen file into its text, and showing the worker's answer (the format it read, the requests
//! to pick from, why nothing could be read, what was left out).

use super::markup::id;
use crate::dom::form::{fill_list, fill_select_owned, find, set_hidden_element};
use crate::dom::form::{set_text, set_value, value_of as value};
use crate::protocol::import::ImportAnswer;
use crate::workers::import::FORMATS;
use reqlab_core::import::MAX_INPUT_BYTES;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlDialogElement, HtmlInputElement};

fn dialog(root: &Element) -> Option<HtmlDialogElement> {
    root.query_selector("dialog")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Opens the dialog empty: nothing of an earlier import is shown or sent again.
pub fn open(root: &Element) {
    for control in [id::TEXT, id::FILE, id::FORMAT] {
        set_value(root, control, "");
    }
    show(root, &ImportAnswer::default());
    if let Some(dialog) = dialog(root) {
        let _ = dialog.show_modal();
    }
}

pub fn close(root: &Element) {
    if let Some(dialog) = dialog(root) {
        dialog.close();
    }
}

pub fn is_open(root: &Element) -> bool {
    dialog(root).is_some_and(|dialog| dialog.open())
}

/// The text, the format asked for, and the request picked (when the picker is shown).
pub fn question(root: &Element) -> (String, String, String) {
    let picker_shown = find(root, id::PICK)
        .and_then(|pick| pick.parent_element())
        .is_some_and(|wrapper| !wrapper.has_attribute("hidden"));
    (
        value(root, id::TEXT),
        value(root, id::FORMAT),
        if picker_shown {
            value(root, id::PICK)
        } else {
            String::new()
        },
    )
}

/// "… is N bytes": the limit every importer has, said before the text goes anywhere.
pub fn too_large(bytes: usize) -> String {
    format!("This is {bytes} bytes; import takes at most 1 MiB (1048576 bytes). Export only the requests you need.")
}

/// Reads the chosen file as text into the text box, then calls `then`; a file over the limit is refused
/// unread.
pub fn read_file(root: &Element, then: impl FnOnce(&Element) + 'static) {
    let file = find(root, id::FILE)
        .and_then(|input| input.unchecked_into::<HtmlInputElement>().files())
        .and_then(|files| files.get(0));
    let Some(file) = file else {
        return;
    };
    // Compared as numbers; the size is only formatted once it is known to be a whole byte count.
    if file.size() > MAX_INPUT_BYTES as f64 {
        show_error(root, too_large(file.size() as usize));
        return;
    }
    let root = root.clone();
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
            Some(text) => {
                set_value(&root, id::TEXT, &text);
                then(&root);
            }
            None => show_error(
                &root,
                format!(
                    "Could not read \"{}\" as text: the file may have moved or not be readable. Choose it again.",
                    file.name()
                ),
            ),
        }
    });
}

fn show_error(root: &Element, error: String) {
    show(
        root,
        &ImportAnswer {
            error: Some(error),
            ..ImportAnswer::default()
        },
    );
}

/// Shows an answer: the format read and what it holds, the picker when there is a choice, the error, the
/// warnings.
pub fn show(root: &Element, answer: &ImportAnswer) {
    let label = FORMATS
        .iter()
        .find(|(id, _)| *id == answer.format)
        .map(|(_, label)| *label);
    let detected = match (&answer.error, label) {
        (None, Some(label)) => format!("Read as {label}: {}.", answer.summary),
        _ => String::new(),
    };
    set_text(root, id::DETECTED, &detected);
    fill_select_owned(root, id::PICK, &answer.choices);
    set_value(root, id::PICK, &answer.picked);
    if let Some(wrapper) = find(root, id::PICK).and_then(|pick| pick.parent_element()) {
        set_hidden_element(&wrapper, answer.choices.is_empty());
    }
    set_text(root, id::ERROR, answer.error.as_deref().unwrap_or_default());
    fill_list(root, id::WARNINGS, &answer.warnings);
}
