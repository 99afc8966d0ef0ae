//! Send stage for an event stream's reconnection: the request last sent, again, with `Last-Event-ID`, as
//! EventSource reconnects; its body read piece by piece for the live view. The page's own send is over by
//! then, so the live view sends it (directly from the browser, as the page does without forward mode).

use super::bridge::Piece;
use crate::protocol::library::Draft;
use js_sys::{Reflect, Uint8Array};
use reqlab_core::{prepare_for, PreparedBody, Sender};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, ReadableStreamDefaultReader, RequestInit, Response};

/// Sends `draft`'s request with `Last-Event-ID: last_id` (none when empty) and hands every piece of the
/// answer's body to `take`, timed by `clock`; the last piece is the end or why it broke off.
pub async fn reconnect(
    draft: &Draft,
    last_id: &str,
    signal: &AbortSignal,
    clock: impl Fn() -> f64,
    mut take: impl FnMut(Piece),
) {
    match open(draft, last_id, signal).await {
        Ok(reader) => loop {
            let read = match JsFuture::from(reader.read()).await {
                Ok(read) => read,
                Err(error) => return take(Piece::Broken(clock(), describe(&error))),
            };
            if Reflect::get(&read, &"done".into()).is_ok_and(|done| done.is_truthy()) {
                return take(Piece::End(clock()));
            }
            if let Ok(bytes) =
                Reflect::get(&read, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>())
            {
                take(Piece::Bytes(clock(), bytes.to_vec()));
            }
        },
        Err(why) => take(Piece::Broken(clock(), why)),
    }
}

async fn open(
    draft: &Draft,
    last_id: &str,
    signal: &AbortSignal,
) -> Result<ReadableStreamDefaultReader, String> {
    let prepared = prepare_for(&draft.request, &draft.variables.active(), Sender::Browser)
        .map_err(|e| e.to_string())?;
    let headers = Headers::new().map_err(|e| describe(&e))?;
    for (name, value) in &prepared.headers {
        if !name.eq_ignore_ascii_case("last-event-id") {
            headers.append(name, value).map_err(|e| describe(&e))?;
        }
    }
    if !last_id.is_empty() {
        headers
            .append("Last-Event-ID", last_id)
            .map_err(|e| describe(&e))?;
    }
    let init = RequestInit::new();
    init.set_method(prepared.method.as_str());
    init.set_signal(Some(signal));
    if prepared.body != PreparedBody::None {
        let (bytes, content_type) = prepared
            .body
            .wire()
            .map_err(|file| format!("the file \"{}\" is not loaded", file.name))?;
        if let Some(content_type) = content_type {
            headers
                .append("Content-Type", &content_type)
                .map_err(|e| describe(&e))?;
        }
        init.set_body(&Uint8Array::from(&bytes[..]));
    }
    init.set_headers(&headers);
    let window = web_sys::window().ok_or("no window")?;
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(&prepared.url.to_string(), &init))
            .await
            .map_err(|e| describe(&e))?
            .unchecked_into();
    let body = response.body().ok_or("the answer has no body")?;
    Ok(body.get_reader().unchecked_into())
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser did not say why".into())
}
