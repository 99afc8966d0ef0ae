//! Render stage UI: response headers with the meaning of standard ones, and a note when CORS hides some.

use leptos::prelude::*;
use reqlab_core::http::cors::hidden_headers_note;
use reqlab_core::http::headers::meaning;
use reqlab_core::response::Response;
use std::sync::Arc;

/// The header table, open by default.
#[component]
pub fn HeadersView(response: Arc<Response>, cross_origin: bool) -> impl IntoView {
    let note = hidden_headers_note(cross_origin, &response.headers);
    view! {
        <details class="response-headers" open>
            <summary>{format!("Headers ({})", response.headers.len())}</summary>
            {note.map(|note| view! { <p class="note">{note}</p> })}
            <table>
                <tbody>
                    {response
                        .headers
                        .iter()
                        .map(|(name, value)| {
                            let title = meaning(name).unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row" title=title>{name.clone()}</th>
                                    <td>{value.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </details>
    }
}
