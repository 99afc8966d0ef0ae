//! Edit stage UI: fetch options (timeout, redirects, credentials, cache), each explained, and how the page
//! sends (directly or via reqlab-echo) and how much of a body it keeps. A static form (see `bound_form`).

use crate::dom::form::{set_hidden_element, set_invalid_of, set_text_of, set_value_of};
use crate::page::components::bound_form::{form, Binding, Bindings};
use crate::page::state::{use_app_state, AppState};
use leptos::prelude::*;
use reqlab_core::edit::model::RedirectMode;

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
    } in MARKUP
}

const MARKUP: &str = concat!(
    r#"<div class="form-grid">"#,
    r#"<label for="timeout">Timeout (ms)</label><input id="timeout" type="number" min="1" step="1" placeholder="none">"#,
    r#"<label for="redirect-mode">Redirects</label><select id="redirect-mode"></select>"#,
    r#"<label for="credentials-mode">Credentials</label><select id="credentials-mode"></select>"#,
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
    form("static-form", MARKUP, bindings(use_app_state()))
}

fn bindings(state: AppState) -> Bindings {
    let editor = state.editor;
    let timeout_invalid =
        move || !editor.timeout.get().trim().is_empty() && editor.timeout_ms().is_none();
    vec![
        (id::TIMEOUT, Binding::Text(editor.timeout)),
        (
            id::TIMEOUT,
            Binding::show(move |field| set_invalid_of(field, timeout_invalid())),
        ),
        (
            id::TIMEOUT_PROBLEM,
            Binding::show(move |problem| set_hidden_element(problem, !timeout_invalid())),
        ),
        (id::REDIRECT, Binding::choice(editor.redirect)),
        (
            id::REDIRECT_HINT,
            Binding::show(move |hint| set_text_of(hint, redirect_hint(editor.redirect.get()))),
        ),
        (id::CREDENTIALS, Binding::choice(editor.credentials)),
        (id::CACHE, Binding::choice(editor.cache)),
        (id::VIA_ECHO, Binding::Flag(state.via_echo)),
        (
            id::BODY_CAP,
            Binding::Control {
                show: Box::new(move |field| {
                    set_value_of(field, &state.body_cap_mb.get().to_string())
                }),
                // A cap being typed ("", "0") is not applied; the last valid one stays.
                edit: Box::new(move |value| {
                    if let Some(mb) = value.trim().parse::<usize>().ok().filter(|mb| *mb > 0) {
                        state.body_cap_mb.set(mb);
                    }
                }),
            },
        ),
    ]
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
