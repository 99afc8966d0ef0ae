//! Edit stage UI: authentication. Its header or query parameter is made in `prepare`, never here. A static
//! form (see `static_form`): every auth type's fields are in the markup, and only the chosen type's show.

use super::problem_for;
use crate::page::components::static_form::{self, fill_select, set_hidden, set_text, set_value};
use crate::page::state::{use_app_state, AuthKind, Editor};
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::{ApiKeyLocation, Field};

const MARKUP: &str = concat!(
    r#"<label for="auth-type" class="field-label">Auth type</label><select id="auth-type"></select>"#,
    r#"<p class="hint" id="auth-none">The request sends no credentials of its own.</p>"#,
    r#"<div id="auth-basic" hidden><div class="form-grid">"#,
    r#"<label for="basic-username">Username</label><input id="basic-username" type="text" autocomplete="off">"#,
    r#"<label for="basic-password">Password</label><input id="basic-password" type="password" autocomplete="off">"#,
    r#"</div><p class="hint">Sent as Authorization: Basic, the user name and password base64-encoded (not encrypted).</p></div>"#,
    r#"<div id="auth-bearer" hidden><div class="form-grid">"#,
    r#"<label for="bearer-token">Token</label><input id="bearer-token" type="text" autocomplete="off" spellcheck="false">"#,
    r#"</div><p class="hint">Sent as Authorization: Bearer &lt;token&gt;.</p></div>"#,
    r#"<div id="auth-api_key" hidden><div class="form-grid">"#,
    r#"<label for="api-key-name">Key name</label><input id="api-key-name" type="text" autocomplete="off" placeholder="X-API-Key">"#,
    r#"<label for="api-key-value">Key value</label><input id="api-key-value" type="text" autocomplete="off" spellcheck="false">"#,
    r#"<label for="api-key-location">Add to</label><select id="api-key-location"><option value="header">Header</option><option value="query">Query parameter</option></select>"#,
    r#"</div></div>"#,
    r#"<p class="problem" id="auth-problem" aria-live="polite"></p>"#,
);

/// The text fields of every auth type, by control id.
fn text_fields(editor: Editor) -> [(&'static str, RwSignal<String>); 5] {
    [
        ("basic-username", editor.basic_username),
        ("basic-password", editor.basic_password),
        ("bearer-token", editor.bearer_token),
        ("api-key-name", editor.api_key_name),
        ("api-key-value", editor.api_key_value),
    ]
}

/// Auth type and the fields that type needs.
#[component]
pub fn AuthTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let problem = problem_for(state, Field::Auth);
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(root) = root.get() else {
            return;
        };
        let kinds: Vec<(&str, &str)> = AuthKind::ALL
            .iter()
            .map(|(_, id, label)| (*id, *label))
            .collect();
        fill_select(&root, "auth-type", &kinds);
        let kind = editor.auth_kind.get();
        for (k, id, _) in AuthKind::ALL {
            if k == kind {
                set_value(&root, "auth-type", id);
            }
            set_hidden(&root, &format!("auth-{id}"), k != kind);
        }
        for (id, field) in text_fields(editor) {
            set_value(&root, id, &field.get());
        }
        let location = match editor.api_key_location.get() {
            ApiKeyLocation::Query => "query",
            ApiKeyLocation::Header => "header",
        };
        set_value(&root, "api-key-location", location);
        set_text(&root, "auth-problem", &problem().unwrap_or_default());
    });
    let on_input = move |ev: web_sys::Event| {
        let Some(edit) = static_form::edit_of(&ev) else {
            return;
        };
        match edit.id.as_str() {
            "auth-type" => {
                if let Some((kind, _, _)) =
                    AuthKind::ALL.iter().find(|(_, id, _)| *id == edit.value)
                {
                    editor.auth_kind.set(*kind);
                }
            }
            "api-key-location" => editor.api_key_location.set(if edit.value == "query" {
                ApiKeyLocation::Query
            } else {
                ApiKeyLocation::Header
            }),
            id => {
                if let Some((_, field)) = text_fields(editor).into_iter().find(|(f, _)| *f == id) {
                    field.set(edit.value);
                }
            }
        }
    };
    view! { <div class="static-form" node_ref=root inner_html=MARKUP on:input=on_input></div> }
}
