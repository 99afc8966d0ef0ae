//! Render stage UI: previews that let the browser render the body, safely: HTML only in a sandboxed iframe
//! with a CSP that forbids scripts and every network load; media and PDF from a blob URL.

use crate::dom::blob_url;
use leptos::prelude::*;
use reqlab_core::render::response_body::ContentKind;
use web_sys::Url;

/// Put in front of previewed HTML: nothing may run or load; inline styles and data: images may show.
const PREVIEW_CSP: &str =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
    style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:; form-action 'none'; \
    base-uri 'none'\">";

/// The preview for a body of this kind, if the kind has one.
pub fn preview(
    kind: ContentKind,
    body: &[u8],
    content_type: String,
    text: impl Fn() -> String,
) -> AnyView {
    match kind {
        ContentKind::Html => view! {
            <iframe
                class="html-preview"
                title="HTML preview"
                sandbox=""
                referrerpolicy="no-referrer"
                srcdoc=format!("{PREVIEW_CSP}{}", text())
            ></iframe>
        }
        .into_any(),
        ContentKind::Image | ContentKind::Audio | ContentKind::Video | ContentKind::Pdf => {
            match blob_url(body, &content_type) {
                Some(url) => {
                    let revoke = url.clone();
                    on_cleanup(move || {
                        let _ = Url::revoke_object_url(&revoke);
                    });
                    match kind {
                        ContentKind::Image => view! { <img class="media-preview" alt="Image preview" src=url/> }.into_any(),
                        ContentKind::Audio => view! { <audio class="media-preview" aria-label="Audio preview" controls src=url></audio> }.into_any(),
                        ContentKind::Video => view! { <video class="media-preview" aria-label="Video preview" controls src=url></video> }.into_any(),
                        _ => view! { <object class="pdf-preview" aria-label="PDF preview" type="application/pdf" data=url></object> }.into_any(),
                    }
                }
                None => view! { <p class="problem">"The browser could not prepare a preview of this body."</p> }.into_any(),
            }
        }
        _ => view! { <p class="hint">"No preview for this kind of body."</p> }.into_any(),
    }
}
