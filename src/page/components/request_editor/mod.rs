//! Edit stage UI: the request line (method, URL, Send or Cancel), then tabs for query parameters, headers,
//! body, auth, options, variables and the raw message. Every problem is shown next to its field.

mod auth_tab;
mod body_tab;
mod file_picker;
mod headers_tab;
mod method_field;
mod options_tab;
mod parts_list;
mod query_tab;
mod raw_tab;
mod tests_tab;
mod variables_tab;

use crate::page::state::{use_app_state, AppState, Choice, Exchange};
use leptos::prelude::*;
use reqlab_core::prepare::url::UrlError;
use reqlab_core::{Field, PrepareError};

crate::controls! {
    /// The request line's ids, as the view below spells them (literals: a literal keeps the URL's label
    /// static HTML). The import controls hear pastes into the URL field by its id. The tabs' ids are made
    /// in code (`tab-<slug>`, `panel-<slug>`, from `Tab`).
    pub mod id {
        URL = "url",
        URL_PROBLEM = "url-problem",
        SEND_BLOCKED = "send-blocked",
    } in include_str!("mod.rs")
}

/// The problem that stops the request, when it belongs to `field` (shown next to that field).
pub fn problem_for(state: AppState, field: Field) -> impl Fn() -> Option<String> + Copy {
    move || {
        state.prepared.with(|p| match p {
            Err(err) if err.field() == field && !is_blank_start(err) => Some(err.to_string()),
            _ => None,
        })
    }
}

/// An empty URL is the starting point, not a mistake worth a red message.
fn is_blank_start(err: &PrepareError) -> bool {
    matches!(err, PrepareError::Url(UrlError::Empty))
}

reqlab_core::vocabulary!(
    /// The editor's tabs: the wire name is the slug of their ids (`tab-<slug>`, `panel-<slug>`).
    Tab {
        Query => "query", "Query parameters";
        Headers => "headers", "Headers";
        Body => "body", "Body";
        Auth => "auth", "Auth";
        Tests => "tests", "Tests";
        Options => "options", "Options";
        Variables => "variables", "Variables";
        Raw => "raw", "Raw";
    }
);

/// The request form. Send: the button, Enter in the URL field, or Ctrl/Cmd+Enter anywhere; Escape cancels.
#[component]
pub fn RequestEditor() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let sending = move || state.exchange.with(|e| matches!(e, Exchange::Sending));
    let blocked = move || {
        state
            .prepared
            .with(|p| p.as_ref().err().map(|e| e.to_string()))
    };
    let url_problem = problem_for(state, Field::Url);
    let blocking_elsewhere = move || {
        state.prepared.with(|p| match p {
            Err(err)
                if !matches!(err.field(), Field::Url | Field::Method) && !is_blank_start(err) =>
            {
                Some(format!("Cannot send yet: {err}"))
            }
            _ => None,
        })
    };
    let tab = Choice::new(Tab::Query);
    let unknown_in_url = move || {
        let env = state.environments.active();
        editor.url.with(|url| {
            reqlab_core::prepare::variables_in(url)
                .iter()
                .any(|name| env.lookup(name).is_none())
        })
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            state.send();
        } else if ev.key() == "Escape" && sending() {
            ev.prevent_default();
            state.cancel();
        }
    };
    view! {
        // The form is no box of its own (see style/layout.css): its request bar spans the workspace, and
        // its parts sit beside the response.
        <form
            class="request-editor"
            aria-label="Request"
            on:submit=move |ev| {
                ev.prevent_default();
                state.send();
            }
            on:keydown=on_keydown
        >
            <div class="panel request-bar">
            <div class="request-line">
                <method_field::MethodField/>
                <label for="url" class="visually-hidden">"URL"</label>
                <input
                    id="url"
                    class="url"
                    class:unknown-variable=unknown_in_url
                    type="text"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="https://example.com/path?query"
                    aria-describedby="url-problem send-blocked"
                    aria-invalid=move || if url_problem().is_some() { "true" } else { "false" }
                    prop:value=move || editor.url.get()
                    on:input=move |ev| editor.set_url(event_target_value(&ev))
                />
                {move || if sending() {
                    view! {
                        <button type="button" class="cancel" on:click=move |_| state.cancel()>"Cancel"</button>
                    }.into_any()
                } else {
                    view! {
                        <button
                            type="submit"
                            class="send"
                            disabled=move || blocked().is_some()
                            title=move || blocked().unwrap_or_else(|| "Send (Ctrl+Enter)".to_string())
                        >
                            "Send"
                        </button>
                    }.into_any()
                }}
                // Import, which also takes a curl command pasted into the URL field.
                {crate::page::components::import::controls(state)}
            </div>
            <p id="url-problem" class="problem" aria-live="polite">{url_problem}</p>
            <p id="send-blocked" class="problem" aria-live="polite">{blocking_elsewhere}</p>
            </div>
            <div class="panel request-parts">
            <div class="tabs" role="tablist" aria-label="Request parts">
                {Tab::ALL.iter().map(|&id| (id, id.as_str(), id.label())).map(|(id, slug, label)| view! {
                    <button
                        type="button"
                        role="tab"
                        // Dynamic ids, `tab-<slug>` and `panel-<slug>`, made from `Tab`'s wire names.
                        id=format!("tab-{slug}")
                        aria-controls=format!("panel-{slug}")
                        aria-selected=move || if tab.get() == id { "true" } else { "false" }
                        tabindex=move || if tab.get() == id { "0" } else { "-1" }
                        on:click=move |_| tab.set(id)
                    >
                        {label}
                    </button>
                }).collect_view()}
            </div>
            {Tab::ALL.iter().map(|&id| (id, id.as_str())).map(|(id, slug)| view! {
                <div
                    role="tabpanel"
                    class="tab-panel"
                    // Dynamic ids, as the tabs' above.
                    id=format!("panel-{slug}")
                    aria-labelledby=format!("tab-{slug}")
                    hidden=move || tab.get() != id
                >
                    {match id {
                        Tab::Query => view! { <query_tab::QueryTab/> }.into_any(),
                        Tab::Headers => view! { <headers_tab::HeadersTab/> }.into_any(),
                        Tab::Body => view! { <body_tab::BodyTab/> }.into_any(),
                        Tab::Auth => view! { <auth_tab::AuthTab/> }.into_any(),
                        Tab::Tests => view! { <tests_tab::TestsTab/> }.into_any(),
                        Tab::Options => view! { <options_tab::OptionsTab/> }.into_any(),
                        Tab::Variables => view! { <variables_tab::VariablesTab/> }.into_any(),
                        Tab::Raw => view! { <raw_tab::RawTab/> }.into_any(),
                    }}
                </div>
            }).collect_view()}
            </div>
        </form>
    }
}
