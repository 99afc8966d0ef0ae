//! Render stage UI: the body in the view that suits its kind (pretty JSON, text, preview, hex, the whole
//! message), switchable, virtualised for any size, with copy and download.

use super::json_highlight::highlight_json_line;
use super::preview::{blob_url, preview};
use super::virtual_rows::VirtualRows;
use leptos::prelude::*;
use reqlab_core::json;
use reqlab_core::raw::response_message;
use reqlab_core::response::Response;
use reqlab_core::response_body::{charset, hex_row, hex_row_count, ContentKind, LineIndex};
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq)]
enum BodyTab {
    Pretty,
    Text,
    Preview,
    Hex,
    Message,
}

/// Text with its line index, shared by the rows that show it.
struct Lines {
    text: String,
    index: LineIndex,
}

impl Lines {
    fn new(text: String) -> Arc<Lines> {
        let index = LineIndex::new(&text);
        Arc::new(Lines { text, index })
    }
}

/// The body views and their switch.
#[component]
pub fn BodyView(response: Arc<Response>) -> impl IntoView {
    let content_type = response
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let body = Arc::new(response.body.clone());
    let kind = ContentKind::detect(
        Some(&content_type)
            .filter(|t| !t.is_empty())
            .map(String::as_str),
        &body,
    );
    mark("reqlab:body-complete");
    let text = decode_text(&body, &content_type);
    let pretty = (kind == ContentKind::Json && json::check(&text).is_ok())
        .then(|| Lines::new(json::reindent(&text, 2)));
    let mut tabs = Vec::new();
    if pretty.is_some() {
        tabs.push((BodyTab::Pretty, "Pretty"));
    }
    if kind.is_text() || kind == ContentKind::Pdf || kind == ContentKind::Binary {
        tabs.push((BodyTab::Text, "Text"));
    }
    if matches!(
        kind,
        ContentKind::Html
            | ContentKind::Image
            | ContentKind::Audio
            | ContentKind::Video
            | ContentKind::Pdf
    ) {
        tabs.push((BodyTab::Preview, "Preview"));
    }
    tabs.push((BodyTab::Hex, "Hex"));
    tabs.push((BodyTab::Message, "Message"));
    let first = match kind {
        ContentKind::Binary => BodyTab::Hex,
        ContentKind::Image | ContentKind::Audio | ContentKind::Video | ContentKind::Pdf => {
            BodyTab::Preview
        }
        _ if pretty.is_some() => BodyTab::Pretty,
        _ => BodyTab::Text,
    };
    let tab = RwSignal::new(first);
    let text_lines = Lines::new(text);
    let message = Lines::new(response_message(&response, 64 * 1024));
    let copy_text = text_lines.clone();
    let download_body = body.clone();
    let download_type = content_type.clone();
    let download_name = file_name(&response.url, kind);

    let body_for_views = body.clone();
    let content_type_for_views = content_type.clone();
    let current = move || match tab.get() {
        BodyTab::Pretty => match &pretty {
            Some(lines) => text_rows(lines.clone(), true),
            None => ().into_any(),
        },
        BodyTab::Text => text_rows(text_lines.clone(), false),
        BodyTab::Preview => {
            let lines = text_lines.clone();
            preview(
                kind,
                body_for_views.clone(),
                content_type_for_views.clone(),
                move || lines.text.clone(),
            )
        }
        BodyTab::Hex => {
            let bytes = body_for_views.clone();
            view! {
                <VirtualRows
                    count=hex_row_count(bytes.len())
                    label="Response body"
                    row=Arc::new(move |n| view! { <div class="row">{hex_row(&bytes, n)}</div> }.into_any())
                />
            }
            .into_any()
        }
        BodyTab::Message => text_rows(message.clone(), false),
    };
    after_paint(|| mark("reqlab:first-screen"));
    view! {
        <div class="body-bar">
            <div role="group" aria-label="Body view" class="view-switch">
                {tabs.into_iter().map(|(id, label)| view! {
                    <button
                        type="button"
                        aria-pressed=move || if tab.get() == id { "true" } else { "false" }
                        on:click=move |_| tab.set(id)
                    >
                        {label}
                    </button>
                }).collect_view()}
            </div>
            <button type="button" on:click=move |_| copy_to_clipboard(&copy_text.text)>"Copy"</button>
            <button
                type="button"
                on:click=move |_| download(&download_body, &download_type, &download_name)
            >
                "Download"
            </button>
        </div>
        {current}
    }
}

/// Lines of text, virtualised; JSON lines highlighted.
fn text_rows(lines: Arc<Lines>, highlight: bool) -> AnyView {
    let count = lines.index.line_count();
    let row = Arc::new(move |n: usize| {
        let line = lines.index.line(&lines.text, n);
        if highlight {
            view! { <div class="row">{highlight_json_line(line)}</div> }.into_any()
        } else {
            view! { <div class="row">{line.to_string()}</div> }.into_any()
        }
    });
    view! { <VirtualRows count row label="Response body"/> }.into_any()
}

/// The body as text in its declared charset (the browser's decoders), UTF-8 when none is named.
fn decode_text(body: &[u8], content_type: &str) -> String {
    let label = charset(content_type).unwrap_or_else(|| "utf-8".to_string());
    if label != "utf-8" {
        if let Ok(decoder) = web_sys::TextDecoder::new_with_label(&label) {
            if let Ok(text) = decoder.decode_with_u8_array(body) {
                return text;
            }
        }
    }
    String::from_utf8_lossy(body).into_owned()
}

/// A Performance mark the benchmark reads (`bench/large_body.js`).
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `f` once the next frame has been painted: a timeout queued from an animation frame callback runs
/// after that frame's paint.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Saves the body through a temporary link to a blob URL.
fn download(body: &[u8], content_type: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(url) = blob_url(body, content_type) else {
        return;
    };
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Some(link) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&link) {
            link.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name for downloads: the URL's last path segment, or `response` with an extension for the kind.
fn file_name(url: &str, kind: ContentKind) -> String {
    let last = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default();
    if last.contains('.') {
        return last.to_string();
    }
    let extension = match kind {
        ContentKind::Json => "json",
        ContentKind::Xml => "xml",
        ContentKind::Html => "html",
        ContentKind::Text => "txt",
        ContentKind::Pdf => "pdf",
        _ => "bin",
    };
    format!("response.{extension}")
}
