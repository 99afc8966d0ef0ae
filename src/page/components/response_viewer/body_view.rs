//! Render stage UI: the body in the view that suits its kind (pretty JSON, text, preview, hex, the whole
//! message), switchable, virtualised for any size, with copy and download.

mod markup_rows;

use super::json_highlight::highlight_json_line;
use super::pretty_json::{Formatting, PrettyJson, FIRST_PIECE, INVALID, STEP};
use super::pretty_view::pretty_view;
use super::preview::preview;
use super::virtual_rows::VirtualRows;
use crate::dom::form::{self, set_attribute, set_hidden};
use crate::dom::{download, write_clipboard};
use crate::page::state::Choice;
use leptos::html::Div;
use leptos::prelude::*;
use reqlab_core::render::markup_highlight::Dialect;
use reqlab_core::render::raw::response_message;
use reqlab_core::render::response::Response;
use reqlab_core::render::response_body::{charset, hex_row, hex_row_count, ContentKind, LineIndex};
use std::sync::Arc;

/// Milliseconds of formatting per slice before the browser gets the main thread back.
pub(super) const SLICE_MS: f64 = 8.0;
/// Longest part of a line put in the DOM: one row of a minified megabyte would stall layout.
const MAX_ROW_BYTES: usize = 4096;

reqlab_core::vocabulary!(
    /// The body's views (a vocabulary, so that the view on show is a `Choice`, whose code the page shares).
    BodyTab {
        Pretty => "pretty", "Pretty";
        Text => "text", "Text";
        Preview => "preview", "Preview";
        Hex => "hex", "Hex";
        Message => "message", "Message";
    }
);

crate::controls! {
    /// The body bar's ids, as `BAR` spells them.
    mod id {
        VIEW_PRETTY = "view-pretty",
        VIEW_TEXT = "view-text",
        VIEW_PREVIEW = "view-preview",
        VIEW_HEX = "view-hex",
        VIEW_MESSAGE = "view-message",
        COPY = "body-copy",
        DOWNLOAD = "body-download",
        /// The workflow bundle's tools (index.html hears its clicks).
        ANSWER_TOOLS = "answer-tools",
    } in BAR
}

/// The view switch's buttons by id, in the order they show.
const VIEWS: [(&str, BodyTab); 5] = [
    (id::VIEW_PRETTY, BodyTab::Pretty),
    (id::VIEW_TEXT, BodyTab::Text),
    (id::VIEW_PREVIEW, BodyTab::Preview),
    (id::VIEW_HEX, BodyTab::Hex),
    (id::VIEW_MESSAGE, BodyTab::Message),
];

/// The bar above the body: the view switch (each view shown when it suits the body), Copy and Download.
/// A static form (see `dom::form`).
const BAR: &str = concat!(
    r#"<div role="group" aria-label="Body view" class="view-switch">"#,
    r#"<button type="button" id="view-pretty" hidden>Pretty</button><button type="button" id="view-text" hidden>Text</button>"#,
    r#"<button type="button" id="view-preview" hidden>Preview</button><button type="button" id="view-hex" hidden>Hex</button>"#,
    r#"<button type="button" id="view-message" hidden>Message</button></div>"#,
    r#"<button type="button" id="body-copy">Copy</button><button type="button" id="body-download">Download</button>"#,
    // The workflow bundle's JSONPath filter and answer diff (index.html loads it on the first click).
    r#"<button type="button" id="answer-tools">Filter &amp; compare</button>"#,
);

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
    mark("reqlab:body-complete");
    let content_type = response.content_type();
    let kind = ContentKind::detect(
        Some(&content_type)
            .filter(|t| !t.is_empty())
            .map(String::as_str),
        &response.body,
    );
    // JSON is UTF-8 (RFC 8259); a body declared in another charset is only shown as decoded text.
    let utf8 = charset(&content_type).is_none_or(|c| c == "utf-8");
    let formatting = RwSignal::new(None::<u32>);
    let pretty = (kind == ContentKind::Json && utf8).then(|| {
        let mut pretty = PrettyJson::new(response.clone());
        formatting.set(pretty.step(FIRST_PIECE));
        StoredValue::new(pretty)
    });
    let pretty_ok = move || pretty.is_some() && formatting.get() != INVALID;
    // The views this kind of body offers (Pretty while it may be JSON: the check can still refuse it).
    let mut offered = vec![BodyTab::Pretty, BodyTab::Hex, BodyTab::Message];
    if kind.is_text() || kind == ContentKind::Pdf || kind == ContentKind::Binary {
        offered.push(BodyTab::Text);
    }
    if matches!(
        kind,
        ContentKind::Html
            | ContentKind::Image
            | ContentKind::Audio
            | ContentKind::Video
            | ContentKind::Pdf
    ) {
        offered.push(BodyTab::Preview);
    }
    let first = match kind {
        ContentKind::Binary => BodyTab::Hex,
        ContentKind::Image | ContentKind::Audio | ContentKind::Video | ContentKind::Pdf => {
            BodyTab::Preview
        }
        _ if pretty_ok() => BodyTab::Pretty,
        _ => BodyTab::Text,
    };
    let tab = Choice::new(first);
    // The decoded text and its line index are made when a view needs them (a JSON body may never), and not
    // kept: switching to the text view again decodes again, which costs less page code than a cache.
    let text_lines = {
        let response = response.clone();
        let content_type = content_type.clone();
        Arc::new(move || Lines::new(decode_text(&response.body, &content_type)))
    };
    let copy_text = text_lines.clone();
    let download_response = response.clone();
    let download_type = content_type.clone();
    let download_name = file_name(&response.url, kind);

    let content_type_for_views = content_type.clone();
    let current = move || match tab.get() {
        BodyTab::Pretty => match pretty {
            Some(pretty) => pretty_view(pretty, formatting),
            None => ().into_any(),
        },
        BodyTab::Text => match kind {
            ContentKind::Xml => markup_rows::markup_rows(text_lines(), Dialect::Xml),
            ContentKind::Html => markup_rows::markup_rows(text_lines(), Dialect::Html),
            _ => text_rows(text_lines(), false),
        },
        BodyTab::Preview => {
            let lines = text_lines.clone();
            preview(
                kind,
                &response.body,
                content_type_for_views.clone(),
                move || lines().text.clone(),
            )
        }
        BodyTab::Hex => {
            let response = response.clone();
            view! {
                <VirtualRows
                    count=hex_row_count(response.body.len())
                    label="Response body"
                    row=Arc::new(move |n| view! { <div class="row">{hex_row(&response.body, n)}</div> }.into_any())
                />
            }
            .into_any()
        }
        BodyTab::Message => text_rows(Lines::new(response_message(&response, 64 * 1024)), false),
    };
    let bar = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(bar) = bar.get() else {
            return;
        };
        let current = tab.get();
        let pretty_ok = pretty_ok();
        for (id, view) in VIEWS {
            let shown = offered.contains(&view) && (view != BodyTab::Pretty || pretty_ok);
            set_hidden(&bar, id, !shown);
            let pressed = if view == current { "true" } else { "false" };
            set_attribute(&bar, id, "aria-pressed", Some(pressed));
        }
    });
    let on_bar_click = move |ev: web_sys::MouseEvent| {
        let Some(clicked) = form::edit_of(&ev).map(|e| e.id) else {
            return;
        };
        match clicked.as_str() {
            id::COPY => {
                let _ = write_clipboard(&copy_text().text);
            }
            id::DOWNLOAD => download(&download_response.body, &download_type, &download_name),
            other => {
                if let Some((_, view)) = VIEWS.iter().find(|(v, _)| *v == other) {
                    tab.set(*view);
                }
            }
        }
    };
    // Formatting goes on only once the first screen is painted: slices queued earlier would hold the
    // frame back.
    after_paint(move || {
        mark("reqlab:first-screen");
        if let Some(pretty) = pretty {
            if formatting.get_untracked().is_some() {
                format_in_slices(pretty, formatting, tab);
            } else {
                mark("reqlab:format-done");
            }
        }
    });
    view! {
        <div class="body-bar" node_ref=bar inner_html=BAR on:click=on_bar_click></div>
        {move || match (formatting.get(), pretty) {
            (INVALID, Some(pretty)) => Some(view! {
                <p class="note">{format!("Shown as text: {}", pretty.with_value(|p| p.invalid().to_string()))}</p>
            }.into_any()),
            (Some(percent), _) => Some(view! {
                <p class="note formatting" role="status">
                    {format!("Formatting… {percent}% (what is ready can be scrolled)")}
                </p>
            }.into_any()),
            _ => None,
        }}
        {current}
    }
}

/// Formats the rest of the body in slices of about [`SLICE_MS`], each in its own task (a zero timeout) so
/// the browser handles input and paints in between, until it is done, found invalid (then the text view
/// takes over), or the view is gone.
fn format_in_slices(
    pretty: StoredValue<PrettyJson>,
    formatting: RwSignal<Formatting>,
    tab: Choice<BodyTab>,
) {
    set_timeout(
        move || {
            let started = now();
            let state = pretty.try_update_value(|pretty| loop {
                let state = pretty.step(STEP);
                if state.is_none() || state == INVALID || now() - started >= SLICE_MS {
                    break state;
                }
            });
            // None: the view was replaced (another response); its formatting is no longer wanted.
            let Some(state) = state else { return };
            match state {
                INVALID => {
                    if tab.get_untracked() == BodyTab::Pretty {
                        tab.set(BodyTab::Text);
                    }
                }
                Some(_) => format_in_slices(pretty, formatting, tab),
                None => mark("reqlab:format-done"),
            }
            formatting.set(state);
        },
        std::time::Duration::ZERO,
    );
}

/// Lines of text, virtualised; JSON lines highlighted.
fn text_rows(lines: Arc<Lines>, highlight: bool) -> AnyView {
    let count = lines.index.line_count();
    let row = Arc::new(move |n: usize| {
        let line = clip(lines.index.line(&lines.text, n));
        if highlight {
            view! { <div class="row">{highlight_json_line(&line)}</div> }.into_any()
        } else {
            view! { <div class="row">{line.into_owned()}</div> }.into_any()
        }
    });
    view! { <VirtualRows count row label="Response body"/> }.into_any()
}

/// A line cut to [`MAX_ROW_BYTES`] (at a character boundary), saying how much is left out.
pub(super) fn clip(line: &str) -> std::borrow::Cow<'_, str> {
    if line.len() <= MAX_ROW_BYTES {
        return line.into();
    }
    let mut end = MAX_ROW_BYTES;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    format!(
        "{}… ({} more bytes on this line: Copy or Download has them)",
        &line[..end],
        line.len() - end
    )
    .into()
}

/// Milliseconds since navigation start.
pub(super) fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
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
