//! Edit stage UI: fetch options (timeout, redirects, credentials, cache), each explained, and how the page
//! sends (directly or via reqlab-echo) and how much of a body it keeps. A static form (see `static_form`).

use crate::page::components::static_form::{
    self, fill_select, set_checked, set_hidden, set_invalid,
};
use crate::page::components::static_form::{set_text, set_value};
use crate::page::state::use_app_state;
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::edit::model::{CacheMode, CredentialsMode, RedirectMode};

crate::controls! {
    /// The Options tab's ids, as `MARKUP` spells them.
    mod id {
        TIMEOUT = "timeout",
        REDIRECT = "redirect-mode",
        CREDENTIALS = "credentials-mode",
        CACHE = "cache-mode",
        TIMEOUT_PROBLEM = "timeout-problem",
        VIA_ECHO = "via-echo",
        BODY_CAP = "body-cap",
        REDIRECT_HINT = "redirect-hint",
    }
}

const MARKUP: &str = concat!(
    r#"<div class="form-grid">"#,
    r#"<label for="timeout">Timeout (ms)</label><input id="timeout" type="number" min="1" step="1" placeholder="none">"#,
    r#"<label for="redirect-mode">Redirects</label><select id="redirect-mode"><option value="follow">Follow</option><option value="manual">Manual (do not follow)</option><option value="error">Error</option></select>"#,
    r#"<label for="credentials-mode">Credentials</label><select id="credentials-mode"><option value="same-origin">Same origin only</option><option value="omit">Never</option><option value="include">Always (cookies to other sites too)</option></select>"#,
    r#"<label for="cache-mode">Cache</label><select id="cache-mode"></select>"#,
    r#"</div>"#,
    r#"<p class="problem" id="timeout-problem" hidden>The timeout must be a whole number of milliseconds above 0; it is ignored until then.</p>"#,
    r#"<label class="radio"><input type="checkbox" id="via-echo">Send via reqlab-echo</label>"#,
    r#"<p class="hint">reqlab-echo started with --forward sends the request for this page: no CORS rules apply and every response header is visible. It refuses private and loopback addresses unless started with --allow-private.</p>"#,
    r#"<div class="form-grid"><label for="body-cap">Largest body shown (MiB)</label><input id="body-cap" type="number" min="1"></div>"#,
    r#"<p class="hint" id="redirect-hint"></p>"#,
);

/// The request options, with what each choice means in a browser.
#[component]
pub fn OptionsTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(root) = root.get() else {
            return;
        };
        let cache_modes: Vec<(&str, &str)> = CacheMode::ALL
            .iter()
            .map(|m| (m.as_str(), m.as_str()))
            .collect();
        fill_select(&root, id::CACHE, &cache_modes);
        let timeout = editor.timeout.get();
        let timeout_invalid = !timeout.trim().is_empty() && editor.timeout_ms().is_none();
        set_value(&root, id::TIMEOUT, &timeout);
        set_invalid(&root, id::TIMEOUT, timeout_invalid);
        set_hidden(&root, id::TIMEOUT_PROBLEM, !timeout_invalid);
        let redirect = editor.redirect.get();
        set_value(&root, id::REDIRECT, redirect.as_str());
        set_text(&root, id::REDIRECT_HINT, redirect_hint(redirect));
        set_value(&root, id::CREDENTIALS, editor.credentials.get().as_str());
        set_value(&root, id::CACHE, editor.cache.get().as_str());
        set_checked(&root, id::VIA_ECHO, state.via_echo.get());
        set_value(&root, id::BODY_CAP, &state.body_cap_mb.get().to_string());
    });
    let on_input = move |ev: web_sys::Event| {
        let Some(edit) = static_form::edit_of(&ev) else {
            return;
        };
        let value = edit.value;
        match edit.id.as_str() {
            id::TIMEOUT => editor.timeout.set(value),
            id::REDIRECT => {
                if let Some(mode) = RedirectMode::parse(&value) {
                    editor.redirect.set(mode);
                }
            }
            id::CREDENTIALS => {
                if let Some(mode) = CredentialsMode::parse(&value) {
                    editor.credentials.set(mode);
                }
            }
            id::CACHE => {
                if let Some(mode) = CacheMode::parse(&value) {
                    editor.cache.set(mode);
                }
            }
            id::VIA_ECHO => state.via_echo.set(value == "true"),
            // A cap being typed ("", "0") is not applied; the last valid one stays.
            id::BODY_CAP => {
                if let Some(mb) = value.trim().parse::<usize>().ok().filter(|mb| *mb > 0) {
                    state.body_cap_mb.set(mb);
                }
            }
            _ => {}
        }
    };
    view! { <div class="static-form" node_ref=root inner_html=MARKUP on:input=on_input></div> }
}

fn redirect_hint(mode: RedirectMode) -> &'static str {
    match mode {
        RedirectMode::Follow => "Redirects are followed; the response shows the final URL.",
        RedirectMode::Manual => {
            "Manual: a browser does not hand a redirect to the page. You get an \"opaque redirect\" \
             (status 0, no headers, no body): enough to know a redirect happened, not where to."
        }
        RedirectMode::Error => "Error: the request fails if the server answers with a redirect.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_declared_ids_are_the_markups() {
        let mismatch = crate::dom::controls::id_mismatch(super::MARKUP, super::id::IDS);
        assert_eq!(mismatch, None);
    }
}
