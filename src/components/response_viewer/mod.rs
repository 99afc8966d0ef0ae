//! Render stage UI: the status line, timing, headers and body of the last response, or why there is none.

use crate::state::{use_app_state, Exchange};
use leptos::prelude::*;
use reqlab_core::response::{format_elapsed, Response};

/// The response region; screen readers hear the status when it arrives.
#[component]
pub fn ResponseViewer() -> impl IntoView {
    let state = use_app_state();
    view! {
        <section class="panel response-viewer" aria-label="Response" aria-live="polite">
            <h2>"Response"</h2>
            {move || match state.exchange.get() {
                Exchange::Idle => {
                    view! { <p class="hint">"Send a request to see its response here."</p> }.into_any()
                }
                Exchange::Sending => view! { <p class="hint">"Waiting for the response…"</p> }.into_any(),
                Exchange::Failed(message) => view! { <p class="problem" role="alert">{message}</p> }.into_any(),
                Exchange::Cancelled => view! { <p class="hint">"Cancelled: the request was aborted before it finished."</p> }.into_any(),
                Exchange::TimedOut(ms) => view! {
                    <p class="problem" role="alert">
                        {format!("Timed out: no complete response within {ms} ms (the timeout set in Options).")}
                    </p>
                }.into_any(),
                Exchange::Done(response) => view! { <ResponseDetails response/> }.into_any(),
            }}
        </section>
    }
}

/// Everything about one received response.
#[component]
fn ResponseDetails(response: Response) -> impl IntoView {
    let class = response.class();
    let status_class = format!(
        "status status-{}",
        class.map(|c| c.slug()).unwrap_or("unknown")
    );
    let meaning = class
        .map(|c| c.meaning())
        .unwrap_or("A status code outside the standard classes.");
    let size = format!("{} bytes", response.body.len());
    let body = response.body_text();
    view! {
        <div class="summary">
            <p class=status_class title=meaning>{response.status_line()}</p>
            <p class="metric">"Time " <strong>{format_elapsed(response.elapsed_ms)}</strong></p>
            <p class="metric">"Size " <strong>{size}</strong></p>
        </div>
        <p class="status-meaning">{meaning}</p>
        <details class="response-headers" open>
            <summary>{format!("Headers ({})", response.headers.len())}</summary>
            <table>
                <tbody>
                    {response
                        .headers
                        .into_iter()
                        .map(|(name, value)| view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{value}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </details>
        <pre class="response-body" aria-label="Response body" tabindex="0">{body}</pre>
    }
}
