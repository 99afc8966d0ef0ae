//! Edit stage UI: authentication. Its header or query parameter is made in `prepare`, never here. A static
//! form (see `bound_form`): every auth type's fields are in the markup, and only the chosen type's show.
//! Digest shares Basic's fields. AWS Signature's and OAuth 2.0's forms are the auth bundle's (`src/auth`):
//! their sections hold a `<reqlab-auth>` element it fills when it has loaded (index.html loads it as soon
//! as the request uses one of them).

use super::problem_for;
use crate::dom::form::{set_hidden_element, set_text_of};
use crate::page::components::bound_form::{form, Binding, Bindings};
use crate::page::state::{use_app_state, AuthKind};
use leptos::prelude::*;
use reqlab_core::Field;
use web_sys::Element;

crate::controls! {
    /// The Auth tab's ids, as `MARKUP` spells them.
    mod id {
        TYPE = "auth-type",
        /// The sections of the auth types, in the order of `AuthKind::ALL` (see `SECTIONS`).
        NONE = "auth-none",
        BASIC = "auth-basic",
        BEARER = "auth-bearer",
        API_KEY = "auth-api_key",
        DIGEST = "auth-digest",
        AWS = "auth-aws_sigv4",
        OAUTH = "auth-oauth2",
        /// Basic's user name and password, which Digest shows too.
        CREDENTIALS = "auth-credentials",
        BASIC_USERNAME = "basic-username",
        BASIC_PASSWORD = "basic-password",
        BEARER_TOKEN = "bearer-token",
        API_KEY_NAME = "api-key-name",
        API_KEY_VALUE = "api-key-value",
        API_KEY_LOCATION = "api-key-location",
        PROBLEM = "auth-problem",
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<label for="auth-type" class="field-label">Auth type</label><select id="auth-type"></select>"#,
    r#"<p class="hint" id="auth-none">The request sends no credentials of its own.</p>"#,
    r#"<div class="form-grid" id="auth-credentials" hidden>"#,
    r#"<label for="basic-username">Username</label><input id="basic-username" type="text" autocomplete="off">"#,
    r#"<label for="basic-password">Password</label><input id="basic-password" type="password" autocomplete="off">"#,
    r#"</div><p class="hint" id="auth-basic" hidden>Sent as Authorization: Basic, the user name and password base64-encoded (not encrypted).</p>"#,
    r#"<p class="hint" id="auth-digest" hidden>The server's 401 challenge is answered with these (RFC 7616: MD5 or SHA-256, qop auth or auth-int), and the request sent again, in one click.</p>"#,
    r#"<div id="auth-bearer" hidden><div class="form-grid">"#,
    r#"<label for="bearer-token">Token</label><input id="bearer-token" type="text" autocomplete="off" spellcheck="false">"#,
    r#"</div><p class="hint">Sent as Authorization: Bearer &lt;token&gt;.</p></div>"#,
    r#"<div id="auth-api_key" hidden><div class="form-grid">"#,
    r#"<label for="api-key-name">Key name</label><input id="api-key-name" type="text" autocomplete="off" placeholder="X-API-Key">"#,
    r#"<label for="api-key-value">Key value</label><input id="api-key-value" type="text" autocomplete="off" spellcheck="false">"#,
    r#"<label for="api-key-location">Add to</label><select id="api-key-location"></select>"#,
    r#"</div></div>"#,
    r#"<div id="auth-aws_sigv4" hidden><reqlab-auth kind="aws_sigv4">Loading…</reqlab-auth></div>"#,
    r#"<div id="auth-oauth2" hidden><reqlab-auth kind="oauth2">Loading…</reqlab-auth></div>"#,
    r#"<p class="problem" id="auth-problem" aria-live="polite"></p>"#,
);

/// Auth type and the fields that type needs.
#[component]
pub fn AuthTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let problem = problem_for(state, Field::Auth);
    let mut bindings: Bindings = vec![
        (id::TYPE, Binding::choice(editor.auth_kind)),
        (id::BASIC_USERNAME, Binding::Text(editor.basic_username)),
        (id::BASIC_PASSWORD, Binding::Text(editor.basic_password)),
        (id::BEARER_TOKEN, Binding::Text(editor.bearer_token)),
        (id::API_KEY_NAME, Binding::Text(editor.api_key_name)),
        (id::API_KEY_VALUE, Binding::Text(editor.api_key_value)),
        (
            id::API_KEY_LOCATION,
            Binding::choice(editor.api_key_location),
        ),
        (
            id::PROBLEM,
            Binding::show(move |text| set_text_of(text, &problem().unwrap_or_default())),
        ),
    ];
    // Only the chosen type's section shows.
    for (kind, section) in AuthKind::ALL.iter().zip(SECTIONS) {
        let shown =
            move |element: &Element| set_hidden_element(element, editor.auth_kind.get() != *kind);
        bindings.push((section, Binding::show(shown)));
    }
    let credentials = move |element: &Element| {
        let kind = editor.auth_kind.get();
        set_hidden_element(element, !matches!(kind, AuthKind::Basic | AuthKind::Digest));
    };
    bindings.push((id::CREDENTIALS, Binding::show(credentials)));
    form("static-form", MARKUP, bindings)
}

/// Each auth type's section, in the order of `AuthKind::ALL`.
const SECTIONS: [&str; 7] = [
    id::NONE,
    id::BASIC,
    id::BEARER,
    id::API_KEY,
    id::DIGEST,
    id::AWS,
    id::OAUTH,
];

#[cfg(test)]
mod tests {
    use crate::page::state::AuthKind;

    #[test]
    fn every_auth_type_has_its_section() {
        let sections: Vec<String> = AuthKind::IDS
            .iter()
            .map(|kind| format!("auth-{kind}"))
            .collect();
        assert_eq!(sections, super::SECTIONS);
    }
}
