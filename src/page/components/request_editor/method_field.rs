//! Edit stage UI: the method picker, with a text field for any other method token. A static form (see
//! `dom::form`).

use super::problem_for;
use crate::dom::form::{self, fill_select, set_attribute, set_hidden};
use crate::dom::form::{set_invalid, set_value};
use crate::page::state::use_app_state;
use leptos::html::Span;
use leptos::prelude::*;
use reqlab_core::{Field, Method};

const CUSTOM: &str = "custom";

crate::controls! {
    /// The method field's ids, as `MARKUP` spells them.
    mod id {
        METHOD = "method",
        CUSTOM_METHOD = "custom-method",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<label for="method" class="visually-hidden">Method</label><select id="method" class="method"></select>"#,
    r#"<input id="custom-method" class="custom-method" type="text" placeholder="PROPFIND" spellcheck="false" autocomplete="off" hidden>"#,
);

/// A select of the standard methods plus "Custom…", which reveals a field for any valid token.
#[component]
pub fn MethodField() -> impl IntoView {
    let state = use_app_state();
    let method = state.editor.method;
    let is_custom = move || method.with(|m| matches!(Method::parse(m.trim()), Method::Custom(_)));
    let custom_open = RwSignal::new(false);
    let problem = problem_for(state, Field::Method);
    let root = NodeRef::<Span>::new();
    Effect::new(move |_| {
        let Some(root) = root.get() else {
            return;
        };
        let mut choices: Vec<(&str, &str)> = Method::STANDARD
            .iter()
            .map(|m| (m.as_str(), m.as_str()))
            .collect();
        choices.push((CUSTOM, "Custom…"));
        fill_select(&root, id::METHOD, &choices);
        let custom = custom_open.get() || is_custom();
        let selected = if custom {
            CUSTOM.to_string()
        } else {
            method.get().trim().to_ascii_uppercase()
        };
        set_value(&root, id::METHOD, &selected);
        set_hidden(&root, id::CUSTOM_METHOD, !custom);
        // Named only while shown: a hidden control stays in the markup, and a name would make it one more
        // match for "Method" to anyone (or any test) looking controls up by name.
        set_attribute(
            &root,
            id::CUSTOM_METHOD,
            "aria-label",
            custom.then_some("Custom method"),
        );
        set_value(&root, id::CUSTOM_METHOD, &method.get());
        let problem = problem();
        set_invalid(&root, id::CUSTOM_METHOD, problem.is_some());
        set_attribute(&root, id::CUSTOM_METHOD, "title", problem.as_deref());
    });
    let on_input = move |ev: web_sys::Event| {
        let Some(edit) = form::edit_of(&ev) else {
            return;
        };
        match (edit.id.as_str(), edit.value) {
            (id::METHOD, value) if value == CUSTOM => {
                custom_open.set(true);
                if !is_custom() {
                    method.set(String::new());
                }
            }
            (id::METHOD, value) => {
                custom_open.set(false);
                method.set(value);
            }
            (id::CUSTOM_METHOD, value) => method.set(value),
            _ => {}
        }
    };
    view! { <span class="method-field" node_ref=root inner_html=MARKUP on:input=on_input></span> }
}
