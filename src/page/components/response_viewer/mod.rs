//! Render stage UI: the state of the exchange, then the response: status line, timing, headers and the body
//! in the view that suits it; or why there is no response and what to do.

mod body_view;

mod headers_view;
mod json_highlight;
mod pretty_json;
mod pretty_view;
mod preview;
mod summary;
mod virtual_rows;

use crate::page::state::{use_app_state, Exchange};
use leptos::prelude::*;
use reqlab_core::render::response::Response;
use reqlab_core::render::size::describe;
use std::sync::Arc;

/// The response region; screen readers hear the status when it arrives.
#[component]
pub fn ResponseViewer() -> impl IntoView {
    let state = use_app_state();
    view! {
        <section class="panel response-viewer" aria-label="Response" aria-live="polite">
            <h2>"Response"</h2>
            // The library names the request this answers here (`protocol::library::ANSWER_OF`).
            <p class="answer-of" id="answer-of"></p>
            {move || match state.exchange.get() {
                Exchange::Idle => {
                    view! { <p class="hint">"Send a request to see its response here."</p> }.into_any()
                }
                Exchange::Sending => view! { <Receiving/> }.into_any(),
                Exchange::Failed(message) => view! { <p class="problem" role="alert">{message}</p> }.into_any(),
                Exchange::Cancelled => {
                    view! { <p class="hint">"Cancelled: the request was aborted before it finished."</p> }.into_any()
                }
                Exchange::TimedOut(ms) => view! {
                    <p class="problem" role="alert">
                        {format!("Timed out: no complete response within {ms} ms (the timeout set in Options).")}
                    </p>
                }.into_any(),
                Exchange::Done(response) => view! { <ResponseDetails response=response/> }.into_any(),
            }}
        </section>
    }
}

/// Waiting for the answer, then the body's progress (a bar when the size is known).
#[component]
fn Receiving() -> impl IntoView {
    let state = use_app_state();
    view! {
        {move || match state.progress.get() {
            None => view! { <p class="hint">"Waiting for the response…"</p> }.into_any(),
            Some(progress) => {
                let label = match progress.total {
                    Some(total) => format!("Receiving: {} of {}", describe(progress.received), describe(total)),
                    None => format!("Receiving: {}", describe(progress.received)),
                };
                view! {
                    <p class="hint">{label.clone()}</p>
                    {progress.total.map(|total| view! {
                        <progress aria-label=label max=total.to_string() value=progress.received.to_string()></progress>
                    })}
                }.into_any()
            }
        }}
    }
}

/// Everything about one received response.
#[component]
fn ResponseDetails(response: Arc<Response>) -> impl IntoView {
    let state = use_app_state();
    let cross_origin = state.prepared.with_untracked(|p| {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        p.as_ref()
            .is_ok_and(|p| reqlab_core::http::cors::is_cross_origin(&origin, &p.url))
    });
    view! {
        <summary::Summary response=response.clone()/>
        // The workflow bundle shows the answer's checks here, under its status, and its filter and diff
        // (`src/workflow`); made anew with each answer, which the bundle then fills.
        <div class="answer-work" id="answer-work"></div>
        <headers_view::HeadersView response=response.clone() cross_origin/>
        <body_view::BodyView response/>
    }
}
