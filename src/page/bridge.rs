//! The page's end of the library bridge. The library (draft autosave, history, collections, the examples
//! gallery, share links and embeds: `src/library/`) is a wasm module of its own, loaded once the page
//! listens for it, so none of it weighs on the first load. The two meet at `window.reqlab`, an object
//! index.html defines in a few lines of JS (plain JS there costs the page far fewer bytes than the same
//! logic in its wasm):
//!
//! - `edit(draft)`: what the editor holds now, a `protocol::library::Draft` as JSON (the request and every
//!   environment). Kept as `last`, announced by the `reqlab:edit` event.
//! - `sending()` when a send starts (the request as it is then is what the history records), and
//!   `done(status, status text, milliseconds, size, body)` when it ends: queued in `sent` with the body's
//!   first 64 KiB and announced by `reqlab:sent`; the library drains the queue, so nothing sent before it
//!   loaded is lost.
//! - `opened`, set by the library: a `protocol::library::ToPage` to load (see `components::import`),
//!   announced by the `reqlab:open` event and read with `take()`.
//! - `typed`: set by index.html on the first input in the page, so the library knows not to restore the
//!   saved draft over it.
//! - `listening()`: the page hears `reqlab:open` now; index.html then loads the library.
//! - `watch(body, content type)`: a response body starts; index.html hands a copy of it to the live view
//!   (`src/streams`, loaded on first use) and gives back the stream the page reads.
//! - `socket(via echo)`: open the request in the editor (`last`) as a WebSocket, in the live view.
//! - `signer()`, called by index.html when the Auth tab's button takes the focus: load the auth bundle
//!   (`src/auth`), whose form fills the Auth tab; `authorize(via echo,
//!   body, content type)`: its auth for the request `sending()` announced (`protocol::auth`), loading it
//!   first if need be. It hands edited settings back as `opened` (a `ToPage::Auth`, announced by
//!   `protocol::library::BUNDLE_EDIT_EVENT`), as the library hands
//!   over requests.
//!
//! Without index.html's object (wasm tests) the page works on, with no library.

use crate::page::js_json::{Json, Reader};
use crate::page::state;
use crate::protocol::auth::Authorized;
use crate::protocol::library::{Draft, KeptAnswer, Shown, ToPage};
use wasm_bindgen::prelude::*;

pub use crate::protocol::library::OPEN_EVENT;

#[wasm_bindgen]
extern "C" {
    /// index.html's object; undefined where the page runs without it (wasm tests). Checked before each
    /// call rather than catching: `catch` would add wasm-bindgen's exception handling to the page.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = reqlab)]
    static BRIDGE: JsValue;
}

fn present() -> bool {
    BRIDGE.with(JsValue::is_object)
}

#[wasm_bindgen(js_namespace = reqlab)]
extern "C" {
    #[wasm_bindgen(js_name = edit)]
    fn edit_js(draft: &str);
    #[wasm_bindgen(js_name = sending)]
    fn sending_js();
    #[wasm_bindgen(js_name = done)]
    fn done_js(status: u16, status_text: &str, ms: f64, size: f64, body: &[u8], headers: &str);
    #[wasm_bindgen(js_name = take)]
    fn take_js() -> Option<String>;
    #[wasm_bindgen(js_name = listening)]
    fn listening_js();
    #[wasm_bindgen(js_name = watch)]
    fn watch_js(body: web_sys::ReadableStream, content_type: &str) -> web_sys::ReadableStream;
    #[wasm_bindgen(js_name = socket)]
    fn socket_js(via_echo: bool);
    #[wasm_bindgen(js_name = authorize)]
    fn authorize_js(via_echo: bool, body: &[u8], content_type: &str) -> js_sys::Promise;

}

/// What the editor holds now.
pub fn edited(draft: &Draft) {
    if let (true, Ok(text)) = (present(), serde_json::to_string(draft)) {
        edit_js(&text);
    }
}

/// A send starts.
pub fn sending() {
    if present() {
        sending_js();
    }
}

/// The send ended: status 0, with the error as its text, when it failed. `headers` are the answer's, one
/// `name: value` per line (the workflow bundle checks them).
pub fn done(status: u16, status_text: &str, ms: f64, body: &[u8], headers: &str) {
    if present() {
        done_js(status, status_text, ms, body.len() as f64, body, headers);
    }
}

/// A response body starts arriving: the stream the page reads (the live view reads a copy).
pub fn watch(body: web_sys::ReadableStream, content_type: &str) -> web_sys::ReadableStream {
    if present() {
        watch_js(body, content_type)
    } else {
        body
    }
}

/// The request in the editor names a WebSocket: the live view connects it.
pub fn socket(via_echo: bool) {
    if present() {
        socket_js(via_echo);
    }
}

/// The auth bundle's headers (or presigned URL) for a request about to be sent: see `protocol::auth`. The
/// error is a sentence to show as the send's failure.
pub async fn authorize(
    via_echo: bool,
    body: &[u8],
    content_type: &str,
) -> Result<Authorized, String> {
    const UNAVAILABLE: &str =
        "The auth module did not load: check the connection, then send again.";
    if !present() {
        return Err(UNAVAILABLE.into());
    }
    let answer = wasm_bindgen_futures::JsFuture::from(authorize_js(via_echo, body, content_type))
        .await
        .ok()
        .and_then(|answer| Json::parse(&answer.as_string()?))
        .ok_or(UNAVAILABLE)?;
    let text = |name| answer.get(name).string().unwrap_or_default();
    match text("error") {
        error if !error.is_empty() => Err(error),
        _ => Ok(Authorized {
            headers: answer.get("headers").pairs().unwrap_or_default(),
            query: text("query"),
            error: String::new(),
        }),
    }
}

/// What the library handed over, if any, and if it reads as a `ToPage`.
pub fn opened() -> Option<ToPage> {
    let text = present().then(take_js).flatten()?;
    read_to_page(&Json::parse(&text)?)
}

/// The largest saved-request id read: JSON numbers are exact up to 2^53.
const MAX_ID: u64 = (1 << 53) - 1;

/// An open tab's id.
fn tab_id(read: &Reader, json: &Json) -> u32 {
    read.check(json.whole(u64::from(u32::MAX))) as u32
}

/// A saved request's id, or none (`null` or missing).
fn saved(read: &Reader, json: &Json) -> Option<u64> {
    (!json.is_null()).then(|| read.check(json.whole(MAX_ID)))
}

/// A `ToPage` as serde writes it, read with the page's JSON readers (see `state::load` for why not serde).
pub fn read_to_page(json: &Json) -> Option<ToPage> {
    let read = Reader::default();
    let message = match read.required(json, "kind").as_str() {
        "open" => {
            let environment = json.get("environment");
            ToPage::Open {
                summary: read.required(json, "summary"),
                request: state::request(&read, &json.get("request")),
                environment: (!environment.is_null())
                    .then(|| state::environment(&read, &environment)),
                file_texts: read.check(json.get("file_texts").strings()),
                saved: saved(&read, &json.get("saved")),
                warnings: read.check(json.get("warnings").strings()),
            }
        }
        "restore" => {
            let draft = json.get("draft");
            let shown = json.get("shown");
            let answer = shown.get("answer");
            let leaving = shown.get("leaving");
            ToPage::Restore {
                draft: Draft {
                    request: state::request(&read, &draft.get("request")),
                    variables: state::variables(&read, &draft.get("variables")),
                    saved: saved(&read, &draft.get("saved")),
                },
                shown: Shown {
                    leaving: (!leaving.is_null()).then(|| tab_id(&read, &leaving)),
                    tab: tab_id(&read, &shown.get("tab")),
                    answer: (!answer.is_null()).then(|| KeptAnswer {
                        status: read.check(answer.get("status").whole(999)) as u16,
                        status_text: read.text(&answer, "status_text"),
                        elapsed_ms: read.check(answer.get("elapsed_ms").whole(MAX_ID)),
                        url: read.text(&answer, "url"),
                        body: read.text(&answer, "body"),
                        truncated: read.bool(&answer, "truncated", false),
                    }),
                },
            }
        }
        "saved" => ToPage::Saved {
            saved: read.check(json.get("saved").whole(MAX_ID)),
        },
        "auth" => ToPage::Auth {
            auth: state::auth(&read, &json.get("auth")),
        },
        "checks" => ToPage::Checks {
            checks: state::rows(&read, json, "checks"),
        },
        "variables" => ToPage::Variables {
            variables: state::variables(&read, &json.get("variables")),
        },
        _ => return None,
    };
    read.finish(message)
}

/// The page hears `OPEN_EVENT` now.
pub fn listening() {
    if present() {
        listening_js();
    }
}
