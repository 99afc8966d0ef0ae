//! Render stage UI: status line and its class meaning, time and size, redirects, and the timing breakdown.

use leptos::prelude::*;
use reqlab_core::response::{format_elapsed, format_ms_tenths, Response};
use std::sync::Arc;

/// The response at a glance.
#[component]
pub fn Summary(response: Arc<Response>) -> impl IntoView {
    let class = response.class();
    let status_class = format!(
        "status status-{}",
        class.map(|c| c.slug()).unwrap_or("unknown")
    );
    let meaning = if response.status == 0 {
        "Status 0: the browser hid this response (an opaque redirect in manual mode, or an opaque no-cors answer)."
    } else {
        class
            .map(|c| c.meaning())
            .unwrap_or("A status code outside the standard classes.")
    };
    let size = match &response.timing {
        Some(t) if t.transfer_size > 0 => format!(
            "{} bytes ({} on the wire)",
            response.body.len(),
            t.transfer_size
        ),
        _ => format!("{} bytes", response.body.len()),
    };
    view! {
        <div class="summary">
            <p class=status_class>{response.full_status_line()}</p>
            <p class="metric">"Time " <strong>{format_elapsed(response.elapsed_ms)}</strong></p>
            <p class="metric">"Size " <strong>{size}</strong></p>
        </div>
        <p class="status-meaning">{meaning}</p>
        {response.redirected.then(|| view! {
            <p class="note">"Redirected: the final answer came from " <code>{response.url.clone()}</code></p>
        })}
        {response.truncated.then(|| view! {
            <p class="problem">
                {format!("Only the first {} bytes are shown: the body is larger than the size limit set in Options.", response.body.len())}
            </p>
        })}
        {response.timing.clone().map(|t| {
            let phases = [
                ("DNS", t.dns_ms),
                ("Connect", t.connect_ms),
                ("TLS", t.tls_ms),
                ("Waiting", t.waiting_ms),
                ("Download", t.download_ms),
            ];
            view! {
                <details class="timing">
                    <summary>"Timing"</summary>
                    <table>
                        <tbody>
                            {phases.into_iter().map(|(name, ms)| view! {
                                <tr><th scope="row">{name}</th><td>{format_ms_tenths(ms)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            }
        })}
    }
}
