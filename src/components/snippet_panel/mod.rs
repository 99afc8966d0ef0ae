//! Snippet stage UI: the chosen target's code for the current request, live, with its warnings.

use crate::state::use_app_state;
use leptos::prelude::*;
use reqlab_core::snippet::{self, Options, TARGETS};

/// Target picker and generated code.
#[component]
pub fn SnippetPanel() -> impl IntoView {
    let state = use_app_state();
    let snippet = Memo::new(move |_| {
        let target = state.snippet_target.get();
        state.prepared.with(|prepared| match prepared {
            Ok(prepared) => {
                snippet::generate(&target, prepared, &Options::default()).map_err(|e| e.to_string())
            }
            Err(err) => Err(format!("Fix the request to see its code: {err}")),
        })
    });
    view! {
        <section class="panel snippet-panel" aria-label="Code snippet">
            <div class="snippet-bar">
                <h2>"Code"</h2>
                <label for="snippet-target">"Language"</label>
                <select id="snippet-target" bind:value=state.snippet_target>
                    {TARGETS
                        .iter()
                        .map(|t| view! { <option value=t.id>{t.label}</option> })
                        .collect_view()}
                </select>
            </div>
            {move || match snippet.get() {
                Ok(snippet) => view! {
                    <pre class="snippet-code" aria-label="Snippet code" tabindex="0"><code>{snippet.code}</code></pre>
                    <ul class="snippet-warnings">
                        {snippet.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(message) => view! { <p class="hint">{message}</p> }.into_any(),
            }}
        </section>
    }
}
