//! Edit stage UI: authentication. Its header or query parameter is made in `prepare`, never here.

use super::problem_for;
use crate::state::{use_app_state, AuthKind};
use leptos::prelude::*;
use reqlab_core::{ApiKeyLocation, Field};

/// Auth type and the fields that type needs.
#[component]
pub fn AuthTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let problem = problem_for(state, Field::Auth);
    let kind_id = move || {
        let kind = editor.auth_kind.get();
        AuthKind::ALL
            .iter()
            .find(|(k, _, _)| *k == kind)
            .map(|(_, id, _)| *id)
            .unwrap_or("none")
    };
    view! {
        <label for="auth-type" class="field-label">"Auth type"</label>
        <select
            id="auth-type"
            prop:value=kind_id
            on:change=move |ev| {
                let id = event_target_value(&ev);
                if let Some((kind, _, _)) = AuthKind::ALL.iter().find(|(_, i, _)| *i == id) {
                    editor.auth_kind.set(*kind);
                }
            }
        >
            {AuthKind::ALL.iter().map(|(_, id, label)| view! { <option value=*id>{*label}</option> }).collect_view()}
        </select>
        {move || match editor.auth_kind.get() {
            AuthKind::None => view! { <p class="hint">"The request sends no credentials of its own."</p> }.into_any(),
            AuthKind::Basic => view! {
                <div class="form-grid">
                    <label for="basic-username">"Username"</label>
                    <input id="basic-username" type="text" autocomplete="off"
                        bind:value=editor.basic_username/>
                    <label for="basic-password">"Password"</label>
                    <input id="basic-password" type="password" autocomplete="off"
                        bind:value=editor.basic_password/>
                </div>
                <p class="hint">"Sent as Authorization: Basic, the user name and password base64-encoded (not encrypted)."</p>
            }.into_any(),
            AuthKind::Bearer => view! {
                <div class="form-grid">
                    <label for="bearer-token">"Token"</label>
                    <input id="bearer-token" type="text" autocomplete="off" spellcheck="false"
                        bind:value=editor.bearer_token/>
                </div>
                <p class="hint">"Sent as Authorization: Bearer <token>."</p>
            }.into_any(),
            AuthKind::ApiKey => view! {
                <div class="form-grid">
                    <label for="api-key-name">"Key name"</label>
                    <input id="api-key-name" type="text" autocomplete="off" placeholder="X-API-Key"
                        bind:value=editor.api_key_name/>
                    <label for="api-key-value">"Key value"</label>
                    <input id="api-key-value" type="text" autocomplete="off" spellcheck="false"
                        bind:value=editor.api_key_value/>
                    <label for="api-key-location">"Add to"</label>
                    <select id="api-key-location"
                        prop:value=move || if editor.api_key_location.get() == ApiKeyLocation::Query { "query" } else { "header" }
                        on:change=move |ev| editor.api_key_location.set(
                            if event_target_value(&ev) == "query" { ApiKeyLocation::Query } else { ApiKeyLocation::Header }
                        )>
                        <option value="header">"Header"</option>
                        <option value="query">"Query parameter"</option>
                    </select>
                </div>
            }.into_any(),
        }}
        <p class="problem" aria-live="polite">{problem}</p>
    }
}
