//! Send stage: one `PreparedRequest` through fetch, returned as a core `Response` with its elapsed time.

use gloo_net::http::{Headers, Method as FetchMethod, RequestBuilder};
use js_sys::Uint8Array;
use reqlab_core::model::{CacheMode, CredentialsMode, RedirectMode};
use reqlab_core::response::Response;
use reqlab_core::{FileRef, PreparedBody, PreparedPartValue, PreparedRequest};
use std::fmt;
use wasm_bindgen::JsValue;
use web_sys::{
    AbortSignal, Blob, BlobPropertyBag, FormData, RequestCache, RequestCredentials, RequestRedirect,
};

/// Why no response could be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum SendError {
    /// The browser refused to build the request (a method or header it forbids).
    Refused(String),
    /// A file was named (from saved or shared JSON) but its bytes are not here: it must be picked again.
    FileMissing(String),
    /// fetch rejected: unreachable host, or the server's CORS policy does not admit this page.
    NoResponse(String),
    /// The abort signal fired (cancel or timeout; the caller knows which).
    Aborted,
    /// The response started but its body could not be read to the end.
    BodyUnreadable(String),
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Refused(why) => write!(f, "The browser refused to send this request: {why}"),
            SendError::FileMissing(name) => write!(f, "The file \"{name}\" is not loaded: choose it again."),
            SendError::NoResponse(why) => write!(
                f,
                "No response ({why}). The server may be unreachable, or its CORS policy does not allow \
                 requests from this page."
            ),
            SendError::Aborted => f.write_str("The request was aborted."),
            SendError::BodyUnreadable(why) => {
                write!(f, "The response body could not be read to the end: {why}")
            }
        }
    }
}

fn js_message(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(value, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{value:?}"))
}

pub async fn send(prepared: &PreparedRequest, signal: &AbortSignal) -> Result<Response, SendError> {
    let method = FetchMethod::from_bytes(prepared.method.as_str().as_bytes())
        .map_err(|e| SendError::Refused(e.to_string()))?;
    // Built by hand because gloo's `header()` overwrites repeats and throws on values the browser refuses.
    let headers = web_sys::Headers::new().map_err(|e| SendError::Refused(js_message(&e)))?;
    for (name, value) in &prepared.headers {
        headers
            .append(name, value)
            .map_err(|e| SendError::Refused(format!("header {name}: {}", js_message(&e))))?;
    }
    let options = &prepared.options;
    let builder = RequestBuilder::new(&prepared.url.to_string())
        .method(method)
        .headers(Headers::from_raw(headers))
        .redirect(match options.redirect {
            RedirectMode::Follow => RequestRedirect::Follow,
            RedirectMode::Manual => RequestRedirect::Manual,
            RedirectMode::Error => RequestRedirect::Error,
        })
        .credentials(match options.credentials {
            CredentialsMode::SameOrigin => RequestCredentials::SameOrigin,
            CredentialsMode::Omit => RequestCredentials::Omit,
            CredentialsMode::Include => RequestCredentials::Include,
        })
        .cache(match options.cache {
            CacheMode::Default => RequestCache::Default,
            CacheMode::NoStore => RequestCache::NoStore,
            CacheMode::Reload => RequestCache::Reload,
            CacheMode::NoCache => RequestCache::NoCache,
            CacheMode::ForceCache => RequestCache::ForceCache,
            CacheMode::OnlyIfCached => RequestCache::OnlyIfCached,
        })
        .abort_signal(Some(signal));
    let request = match body_value(&prepared.body)? {
        None => builder.build(),
        Some(body) => builder.body(body),
    }
    .map_err(|e| SendError::Refused(e.to_string()))?;

    let started = now_ms();
    let aborted = |e: gloo_net::Error| {
        if signal.aborted() {
            SendError::Aborted
        } else {
            SendError::NoResponse(e.to_string())
        }
    };
    let response = request.send().await.map_err(aborted)?;
    let body = response.binary().await.map_err(|e| {
        if signal.aborted() {
            SendError::Aborted
        } else {
            SendError::BodyUnreadable(e.to_string())
        }
    })?;
    Ok(Response {
        status: response.status(),
        status_text: response.status_text(),
        headers: response.headers().entries().collect(),
        body,
        elapsed_ms: now_ms() - started,
    })
}

/// The body as fetch takes it. Multipart goes as FormData so the browser writes the boundary.
fn body_value(body: &PreparedBody) -> Result<Option<JsValue>, SendError> {
    Ok(Some(match body {
        PreparedBody::None => return Ok(None),
        PreparedBody::Text(text) => JsValue::from_str(text),
        PreparedBody::UrlEncoded(fields) => JsValue::from_str(&PreparedBody::url_encoded(fields)),
        PreparedBody::File(file) => file_bytes(file)?.into(),
        PreparedBody::Multipart(parts) => {
            let form = FormData::new().map_err(|e| SendError::Refused(js_message(&e)))?;
            for part in parts {
                let appended = match &part.value {
                    PreparedPartValue::Text(text) => form.append_with_str(&part.name, text),
                    PreparedPartValue::File(file) => form.append_with_blob_and_filename(
                        &part.name,
                        &file_blob(file)?,
                        &file.name,
                    ),
                };
                appended.map_err(|e| SendError::Refused(js_message(&e)))?;
            }
            form.into()
        }
    }))
}

fn file_bytes(file: &FileRef) -> Result<Uint8Array, SendError> {
    let data = file
        .data
        .as_ref()
        .ok_or_else(|| SendError::FileMissing(file.name.clone()))?;
    Ok(Uint8Array::from(&data[..]))
}

fn file_blob(file: &FileRef) -> Result<Blob, SendError> {
    let parts = js_sys::Array::of1(&file_bytes(file)?.into());
    let options = BlobPropertyBag::new();
    options.set_type(file.effective_content_type());
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| SendError::Refused(js_message(&e)))
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
