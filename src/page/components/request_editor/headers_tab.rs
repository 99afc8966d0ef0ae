//! Edit stage UI: request headers as a table (with name suggestions and browser notes) or as text. The
//! toolbar, the suggestions and the text form are a static form (see `bound_form`); the table is the
//! shared key/value component. Only one of the table and the text form is there at a time.

use super::problem_for;
use crate::dom::form::{set_attribute_of, set_value};
use crate::page::components::bound_form::{form, Binding, Bindings};
use crate::page::components::key_value_table::KeyValueTable;
use crate::page::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::edit::bulk;
use reqlab_core::http::headers::{browser_note, STANDARD_HEADERS};
use reqlab_core::Field;

crate::controls! {
    /// The Headers tab's ids, as `MARKUP` and `TEXT_FORM` spell them.
    mod id {
        BULK = "headers-bulk",
        HEADER_NAMES = "header-names",
        TEXT_BOX = "headers-text-box",
        TEXT = "headers-text",
    } in [MARKUP, TEXT_FORM].concat()
}

const MARKUP: &str = concat!(
    r#"<div class="tab-toolbar"><button type="button" id="headers-bulk" aria-pressed="false">Bulk edit</button></div>"#,
    r#"<datalist id="header-names"></datalist>"#,
    r#"<div id="headers-text-box"></div>"#,
);

/// The text form, put in only while it is on: a hidden labelled field would still be found by its name.
const TEXT_FORM: &str = concat!(
    r#"<label for="headers-text" class="field-label">Headers as text (Name: value per line; // switches a line off)</label>"#,
    r#"<textarea id="headers-text" rows="8" spellcheck="false"></textarea>"#,
);

/// The header table, or its text form while "Bulk edit" is on.
#[component]
pub fn HeadersTab() -> impl IntoView {
    let state = use_app_state();
    let headers = state.editor.headers;
    let bulk_mode = RwSignal::new(false);
    let problem = problem_for(state, Field::Headers);
    let bindings: Bindings = vec![
        (
            id::BULK,
            Binding::show(move |button| {
                let on = if bulk_mode.get() { "true" } else { "false" };
                set_attribute_of(button, "aria-pressed", Some(on));
            }),
        ),
        (
            id::BULK,
            Binding::click(move || bulk_mode.update(|on| *on = !*on)),
        ),
        (id::HEADER_NAMES, Binding::show(add_suggestions)),
        (
            id::TEXT_BOX,
            Binding::show(move |text_box| {
                let on = bulk_mode.get();
                text_box.set_inner_html(if on { TEXT_FORM } else { "" });
                if on {
                    // The text is made from the rows when the text form opens; typing then rewrites
                    // the rows.
                    set_value(text_box, id::TEXT, &bulk::to_text(&headers.get_untracked()));
                }
            }),
        ),
        (
            id::TEXT,
            Binding::control(|_| {}, move |text| headers.set(&bulk::from_text(text))),
        ),
    ];
    view! {
        {form("", MARKUP, bindings)}
        {move || (!bulk_mode.get()).then(|| view! {
            <KeyValueTable
                rows=headers
                label="Headers"
                add_label="Add header"
                suggestions=id::HEADER_NAMES
                note=browser_note
            />
        })}
        <p class="problem" aria-live="polite">{problem}</p>
    }
}

/// The standard header names, with their meaning, as the key field's suggestions (made once).
fn add_suggestions(list: &web_sys::Element) {
    let Some(document) = list.owner_document() else {
        return;
    };
    if list.child_element_count() > 0 {
        return;
    }
    for (name, meaning) in STANDARD_HEADERS {
        if let Ok(option) = document.create_element("option") {
            let _ = option.set_attribute("value", name);
            let _ = option.set_attribute("label", meaning);
            let _ = list.append_child(&option);
        }
    }
}
