//! Edit stage UI: the parts of a multipart body, text fields and files, in order. Rows kept as plain DOM
//! (see `dom_rows`); a part's value cell is rebuilt when its type changes, so a text part has no file
//! input and a file part no text field.

use super::file_picker::{describe, read_chosen_files};
use crate::dom::form::set_hidden_element;
use crate::page::components::dom_rows::{part, set_part, sync_items, touched};
use crate::page::state::{use_app_state, PartKind, PartRow};
use leptos::html::Ul;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::Element;

const ROW: &str = concat!(
    r#"<input type="checkbox" aria-label="Enabled" data-field="enabled">"#,
    r#"<input type="text" class="kv-key" aria-label="Key" placeholder="Key" spellcheck="false" data-field="name">"#,
    r#"<select aria-label="Part type" data-field="kind"><option value="text">Text</option><option value="file">File</option></select>"#,
    r#"<span class="part-value" data-field="cell"></span>"#,
    r#"<input type="text" class="part-type" aria-label="Content-Type" placeholder="Content-Type" spellcheck="false" data-field="type">"#,
    r#"<button type="button" class="remove-row" aria-label="Remove row" data-field="remove">×</button>"#,
    r#"<p class="row-note problem" data-field="error" hidden></p>"#,
);

const TEXT_CELL: &str = r#"<input type="text" class="kv-value" aria-label="Value" placeholder="Value" data-field="text">"#;

const FILE_CELL: &str = concat!(
    r#"<span class="file-cell"><input type="file" aria-label="File" multiple data-field="file">"#,
    r#"<span class="file-info" data-field="file-info"></span></span>"#,
);

/// Multipart parts, with an add button.
#[component]
pub fn PartsList() -> impl IntoView {
    let editor = use_app_state().editor;
    // Why a file could not be read, by part id (shown under that part until it is read again).
    let errors = RwSignal::new(Vec::<(u32, String)>::new());
    let list = NodeRef::<Ul>::new();
    Effect::new(move |_| {
        let Some(list) = list.get() else {
            return;
        };
        editor.parts.with(|parts| {
            errors.with(|errors| sync_parts(&list, parts, errors));
        });
    });
    let part_of = move |id: u32| {
        editor
            .parts
            .with_untracked(|parts| parts.iter().find(|p| p.id == id).copied())
    };
    let on_input = move |ev: web_sys::Event| {
        let Some(touched) = touched(&ev) else {
            return;
        };
        let Some(row) = part_of(touched.id) else {
            return;
        };
        match touched.field.as_str() {
            "enabled" => row.enabled.set(touched.checked()),
            "name" => row.name.set(touched.value()),
            "text" => row.text.set(touched.value()),
            "type" => row.content_type.set(touched.value()),
            "kind" => row.kind.set(if touched.value() == "file" {
                PartKind::File
            } else {
                PartKind::Text
            }),
            "file" => read_files(&ev, row, errors),
            _ => {}
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(touched) = touched(&ev).filter(|t| t.field == "remove") {
            editor
                .parts
                .update(|parts| parts.retain(|p| p.id != touched.id));
        }
    };
    view! {
        <ul class="kv-rows" aria-label="Form parts" node_ref=list on:input=on_input on:click=on_click></ul>
        <button
            type="button"
            class="add-row"
            on:click=move |_| editor.parts.update(|parts| parts.push(PartRow::new("", PartKind::Text)))
        >
            "Add part"
        </button>
    }
}

/// Reads the files picked for `row`. Several files chosen at once become several parts of the same name,
/// as browsers send them.
fn read_files(ev: &web_sys::Event, row: PartRow, errors: RwSignal<Vec<(u32, String)>>) {
    let editor = use_app_state().editor;
    read_chosen_files(
        ev,
        move |files| {
            errors.update(|errors| errors.retain(|(id, _)| *id != row.id));
            let mut files = files.into_iter();
            row.file.set(files.next());
            let extra: Vec<PartRow> = files
                .map(|file| {
                    let extra = PartRow::new(&row.name.get_untracked(), PartKind::File);
                    extra.file.set(Some(file));
                    extra
                })
                .collect();
            editor.parts.update(|parts| {
                let at = parts
                    .iter()
                    .position(|p| p.id == row.id)
                    .map_or(parts.len(), |i| i + 1);
                parts.splice(at..at, extra);
            });
        },
        move |message| {
            errors.update(|errors| {
                errors.retain(|(id, _)| *id != row.id);
                errors.push((row.id, message));
            })
        },
    );
}

fn sync_parts(list: &Element, parts: &[PartRow], errors: &[(u32, String)]) {
    let ids: Vec<u32> = parts.iter().map(|p| p.id).collect();
    sync_items(list, &ids, "kv-row part-row", ROW, |item, at| {
        let row = &parts[at];
        set_part(
            item,
            "enabled",
            "checked",
            &JsValue::from_bool(row.enabled.get()),
        );
        set_part(item, "name", "value", &JsValue::from_str(&row.name.get()));
        set_part(
            item,
            "type",
            "value",
            &JsValue::from_str(&row.content_type.get()),
        );
        let kind = row.kind.get();
        let kind_id = if kind == PartKind::File {
            "file"
        } else {
            "text"
        };
        set_part(item, "kind", "value", &JsValue::from_str(kind_id));
        if let Some(cell) = part(item, "cell") {
            if cell.get_attribute("data-kind").as_deref() != Some(kind_id) {
                let _ = cell.set_attribute("data-kind", kind_id);
                cell.set_inner_html(if kind == PartKind::File {
                    FILE_CELL
                } else {
                    TEXT_CELL
                });
            }
        }
        match kind {
            PartKind::Text => set_part(item, "text", "value", &JsValue::from_str(&row.text.get())),
            PartKind::File => {
                if let Some(info) = part(item, "file-info") {
                    let text = row.file.with(|f| f.as_ref().map(describe));
                    info.set_text_content(text.as_deref());
                }
            }
        }
        if let Some(note) = part(item, "error") {
            let error = errors
                .iter()
                .find(|(id, _)| *id == row.id)
                .map(|(_, e)| e.as_str());
            note.set_text_content(error);
            set_hidden_element(&note, error.is_none());
        }
    });
}
