//! The Import dialog, opened by the Import button on the page's request line: paste or choose a file; the
//! format is detected unless picked; a HAR log or a Postman collection offers its requests to pick one. The
//! import worker reads the text (`importer`) for a preview as it changes, and again on Import, when the
//! request goes to the editor with the page's notice saying what was left out, and Undo.
//!
//! The dialog is the library's, not the page's: the page's first load carries only the button (and the
//! paste of a curl command into the URL field, which the page imports itself).

use super::markup::import_id as id;
use super::markup::IMPORT_OPEN;
use super::page;
use crate::dom::document as dom;
use crate::dom::form::{fill_list, fill_select_owned, set_hidden_element};
use crate::protocol::import::{ImportAnswer, ImportAsk, LibraryQuestion};
use crate::workers::import::FORMATS;
use reqlab_core::import::MAX_INPUT_BYTES;
use web_sys::Element;

pub fn wire() {
    dom::on(IMPORT_OPEN, "click", |_| open());
    // A click that came before this module was there is not lost on a slow first load.
    if page::import_clicked() {
        open();
    }
    dom::on(id::CANCEL, "click", |_| dom::close_dialog(id::DIALOG));
    dom::on(id::CONFIRM, "click", |_| ask(true));
    dom::on(id::TEXT, "input", |_| ask(false));
    for control in [id::FORMAT, id::PICK] {
        dom::on(control, "change", |_| ask(false));
    }
    dom::on(id::FILE, "change", |ev| {
        if let Some(file) = dom::take_chosen_file(&ev) {
            read_file(file);
        }
    });
}

/// Opens the dialog empty: nothing of an earlier import is shown or sent again.
fn open() {
    for control in [id::TEXT, id::FORMAT] {
        dom::set_value(control, "");
    }
    show(&ImportAnswer::default());
    dom::show_dialog(id::DIALOG);
}

/// The pick's wrapper: shown only when the text holds several requests.
fn pick_wrapper() -> Option<Element> {
    dom::by_id(id::PICK)?.parent_element()
}

/// Asks the worker about the dialog's text as its controls set it: for a preview, or (`apply`) to import
/// it, when the request goes to the editor and the dialog closes.
fn ask(apply: bool) {
    let picker_shown = pick_wrapper().is_some_and(|wrapper| !wrapper.has_attribute("hidden"));
    let import = ImportAsk {
        text: dom::value(id::TEXT),
        format: dom::value(id::FORMAT),
        pick: if picker_shown {
            dom::value(id::PICK)
        } else {
            String::new()
        },
        ..ImportAsk::default()
    };
    let question = LibraryQuestion {
        import: Some(import),
        ..LibraryQuestion::default()
    };
    super::importer::ask(question, move |reply| {
        let answer = match (reply.import, reply.error) {
            (Some(answer), _) => answer,
            (None, error) => ImportAnswer {
                error,
                ..ImportAnswer::default()
            },
        };
        match (apply, answer.request) {
            (true, Some(request)) if answer.error.is_none() => {
                let count = answer.warnings.len();
                let summary = format!(
                    "Imported {} ({count} warning{}).",
                    answer.summary,
                    if count == 1 { "" } else { "s" }
                );
                page::open_import(&request, answer.environment, &summary, answer.warnings);
                dom::close_dialog(id::DIALOG);
            }
            (_, request) => show(&ImportAnswer { request, ..answer }),
        }
    });
}

/// "… is N bytes": the limit every importer has, said before the text goes anywhere.
fn too_large(bytes: usize) -> String {
    format!("This is {bytes} bytes; import takes at most 1 MiB (1048576 bytes). Export only the requests you need.")
}

/// Reads the chosen file as text into the text box, then previews it; a file over the limit is refused
/// unread.
fn read_file(file: web_sys::File) {
    // Compared as numbers; the size is only formatted once it is known to be a whole byte count.
    if file.size() > MAX_INPUT_BYTES as f64 {
        return show_error(too_large(file.size() as usize));
    }
    wasm_bindgen_futures::spawn_local(async move {
        match dom::file_text(&file).await {
            Some(text) => {
                dom::set_value(id::TEXT, &text);
                ask(false);
            }
            None => show_error(format!(
                "Could not read \"{}\" as text: the file may have moved or not be readable. Choose it again.",
                file.name()
            )),
        }
    });
}

fn show_error(error: String) {
    show(&ImportAnswer {
        error: Some(error),
        ..ImportAnswer::default()
    });
}

/// Shows an answer: the format read and what it holds, the picker when there is a choice, the error, the
/// warnings.
fn show(answer: &ImportAnswer) {
    let label = FORMATS
        .iter()
        .find(|(id, _)| *id == answer.format)
        .map(|(_, label)| *label);
    let detected = match (&answer.error, label) {
        (None, Some(label)) => format!("Read as {label}: {}.", answer.summary),
        _ => String::new(),
    };
    dom::set_text(id::DETECTED, &detected);
    // `dom::form`'s fillers, scoped to the whole page: the dialog is found by its ids.
    let Some(root) = dom::document().and_then(|d| d.document_element()) else {
        return;
    };
    fill_select_owned(&root, id::PICK, &answer.choices);
    dom::set_value(id::PICK, &answer.picked);
    if let Some(wrapper) = pick_wrapper() {
        set_hidden_element(&wrapper, answer.choices.is_empty());
    }
    dom::set_text(id::ERROR, answer.error.as_deref().unwrap_or_default());
    fill_list(&root, id::WARNINGS, &answer.warnings);
}
