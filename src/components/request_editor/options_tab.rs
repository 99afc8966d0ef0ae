//! Edit stage UI: fetch options (timeout, redirects, credentials, cache), each explained.

use crate::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::model::{CacheMode, CredentialsMode, RedirectMode};

/// The request options, with what each choice means in a browser.
#[component]
pub fn OptionsTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let timeout_invalid = move || {
        let text = editor.timeout.get();
        !text.trim().is_empty() && editor.timeout_ms().is_none()
    };
    view! {
        <div class="form-grid">
            <label for="timeout">"Timeout (ms)"</label>
            <input
                id="timeout"
                type="number"
                min="1"
                step="1"
                placeholder="none"
                aria-invalid=move || if timeout_invalid() { "true" } else { "false" }
                bind:value=editor.timeout
            />
            <label for="redirect-mode">"Redirects"</label>
            <select
                id="redirect-mode"
                prop:value=move || editor.redirect.get().as_str()
                on:change=move |ev| {
                    if let Some(mode) = RedirectMode::parse(&event_target_value(&ev)) {
                        editor.redirect.set(mode);
                    }
                }
            >
                <option value="follow">"Follow"</option>
                <option value="manual">"Manual (do not follow)"</option>
                <option value="error">"Error"</option>
            </select>
            <label for="credentials-mode">"Credentials"</label>
            <select
                id="credentials-mode"
                prop:value=move || editor.credentials.get().as_str()
                on:change=move |ev| {
                    if let Some(mode) = CredentialsMode::parse(&event_target_value(&ev)) {
                        editor.credentials.set(mode);
                    }
                }
            >
                <option value="same-origin">"Same origin only"</option>
                <option value="omit">"Never"</option>
                <option value="include">"Always (cookies to other sites too)"</option>
            </select>
            <label for="cache-mode">"Cache"</label>
            <select
                id="cache-mode"
                prop:value=move || editor.cache.get().as_str()
                on:change=move |ev| {
                    if let Some(mode) = CacheMode::parse(&event_target_value(&ev)) {
                        editor.cache.set(mode);
                    }
                }
            >
                {CacheMode::ALL.iter().map(|m| view! { <option value=m.as_str()>{m.as_str()}</option> }).collect_view()}
            </select>
        </div>
        {move || timeout_invalid().then(|| view! {
            <p class="problem">"The timeout must be a whole number of milliseconds above 0; it is ignored until then."</p>
        })}
        <label class="radio">
            <input type="checkbox" bind:checked=state.via_echo/>
            "Send via reqlab-echo"
        </label>
        <p class="hint">
            "reqlab-echo started with --forward sends the request for this page: no CORS rules apply and every \
            response header is visible. It refuses private and loopback addresses unless started with --allow-private."
        </p>
        <div class="form-grid">
            <label for="body-cap">"Largest body shown (MiB)"</label>
            <input
                id="body-cap"
                type="number"
                min="1"
                prop:value=move || state.body_cap_mb.get().to_string()
                on:input=move |ev| {
                    if let Ok(mb) = event_target_value(&ev).trim().parse::<usize>() {
                        if mb > 0 {
                            state.body_cap_mb.set(mb);
                        }
                    }
                }
            />
        </div>
        <p class="hint">{move || match editor.redirect.get() {
            RedirectMode::Follow => "Redirects are followed; the response shows the final URL.",
            RedirectMode::Manual => "Manual: a browser does not hand a redirect to the page. You get an \"opaque redirect\" (status 0, no headers, no body): enough to know a redirect happened, not where to.",
            RedirectMode::Error => "Error: the request fails if the server answers with a redirect.",
        }}</p>
    }
}
