//! Edit stage UI: authentication. Its header or query parameter is made in `prepare`, never here. A static
//! form (see `static_form`): every auth type's fields are in the markup, and only the chosen type's show.

use super::problem_for;
use crate::page::components::static_form::{self, fill_select, set_hidden, set_text, set_value};
use crate::page::state::{use_app_state, AuthKind, Editor};
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::{ApiKeyLocation, Field};

crate::controls! {
    /// The Auth tab's ids, as `MARKUP` spells them.
    mod id {
        TYPE = "auth-type",
        /// The sections of the auth types, `auth-<type id>` (see `AuthKind::ALL`): the effect names them
        /// by that `format!`, the test below holds each to its constant.
        NONE = "auth-none",
        BASIC = "auth-basic",
        BEARER = "auth-bearer",
        API_KEY = "auth-api_key",
        BASIC_USERNAME = "basic-username",
        BASIC_PASSWORD = "basic-password",
        BEARER_TOKEN = "bearer-token",
        API_KEY_NAME = "api-key-name",
        API_KEY_VALUE = "api-key-value",
        API_KEY_LOCATION = "api-key-location",
        PROBLEM = "auth-problem",
    }
}

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
        (id::BASIC_USERNAME, editor.basic_username),
        (id::BASIC_PASSWORD, editor.basic_password),
        (id::BEARER_TOKEN, editor.bearer_token),
        (id::API_KEY_NAME, editor.api_key_name),
        (id::API_KEY_VALUE, editor.api_key_value),
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
        fill_select(&root, id::TYPE, &kinds);
        let kind = editor.auth_kind.get();
        for (k, slug, _) in AuthKind::ALL {
            if k == kind {
                set_value(&root, id::TYPE, slug);
            }
            // A dynamic id, `auth-<type id>`: each is declared above and held to it by a test.
            set_hidden(&root, &format!("auth-{slug}"), k != kind);
        }
        for (id, field) in text_fields(editor) {
            set_value(&root, id, &field.get());
        }
        let location = match editor.api_key_location.get() {
            ApiKeyLocation::Query => "query",
            ApiKeyLocation::Header => "header",
        };
        set_value(&root, id::API_KEY_LOCATION, location);
        set_text(&root, id::PROBLEM, &problem().unwrap_or_default());
    });
    let on_input = move |ev: web_sys::Event| {
        let Some(edit) = static_form::edit_of(&ev) else {
            return;
        };
        match edit.id.as_str() {
            id::TYPE => {
                if let Some((kind, _, _)) =
                    AuthKind::ALL.iter().find(|(_, id, _)| *id == edit.value)
                {
                    editor.auth_kind.set(*kind);
                }
            }
            id::API_KEY_LOCATION => editor.api_key_location.set(if edit.value == "query" {
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

#[cfg(test)]
mod tests {
    use super::id;
    use crate::page::state::AuthKind;

    #[test]
    fn the_declared_ids_are_the_markups() {
        let mismatch = crate::dom::controls::id_mismatch(super::MARKUP, id::IDS);
        assert_eq!(mismatch, None);
    }

    #[test]
    fn every_auth_type_has_its_declared_section() {
        let sections: Vec<String> = AuthKind::ALL
            .iter()
            .map(|(_, kind, _)| format!("auth-{kind}"))
            .collect();
        assert_eq!(sections, [id::NONE, id::BASIC, id::BEARER, id::API_KEY]);
    }
}
