//! Snippet stage UI: the chosen target's code for the current request, live, with its warnings. The code is
//! generated in the snippet worker (see `worker`), never on the page's thread.

use crate::state::use_app_state;
use crate::worker::client::SnippetClient;
use leptos::prelude::*;

/// Target picker and generated code.
#[component]
pub fn SnippetPanel() -> impl IntoView {
    let state = use_app_state();
    let client = SnippetClient::start();
    // Ask again whenever the request, the variables or the target change.
    Effect::new(move |_| {
        let target = state.snippet_target.get();
        client.ask(&target, state.editor.request(), state.environments.active());
    });
    let targets = move || {
        client
            .answer
            .with(|a| a.as_ref().map(|a| a.targets.clone()))
            .unwrap_or_else(|| vec![(state.snippet_target.get_untracked(), "Loading…".to_string())])
    };
    view! {
        <section class="panel snippet-panel" aria-label="Code snippet">
            <div class="snippet-bar">
                <h2>"Code"</h2>
                <label for="snippet-target">"Language"</label>
                <select
                    id="snippet-target"
                    bind:value=state.snippet_target
                >
                    {move || targets()
                        .into_iter()
                        .map(|(id, label)| {
                            let selected = id == state.snippet_target.get_untracked();
                            view! { <option value=id selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            {move || {
                if let Some(problem) = client.unavailable.get() {
                    return view! { <p class="problem">{problem}</p> }.into_any();
                }
                match client.answer.get() {
                    None => view! { <p class="hint">"Preparing the code generator…"</p> }.into_any(),
                    Some(answer) => match answer.error {
                        Some(message) => view! { <p class="hint">{message}</p> }.into_any(),
                        None => view! {
                            <pre class="snippet-code" aria-label="Snippet code" tabindex="0"><code>{answer.code}</code></pre>
                            <ul class="snippet-warnings">
                                {answer.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                            </ul>
                        }.into_any(),
                    },
                }
            }}
        </section>
    }
}
