//! Snippet target `js-fetch`: the browser's `fetch`, as a module script (top-level `await`), files from the
//! page's file input. The call itself is `super::fetch_call`, which `node-fetch` writes too; for a `ws://` or
//! `wss://` URL, the browser's `WebSocket` from `super::websocket`.

use super::fetch_call::fetch_snippet;
use super::websocket::websocket_snippet;
use super::Runtime;
use crate::prepare::PreparedRequest;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "js-fetch",
    label: "JavaScript fetch",
    client: "fetch",
    language: "JavaScript",
    extension: "js",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::OwnNote,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "XMLHttpRequest.open with a user name and password answers it",
    },
    signs_aws: false,
    generate,
    websocket: Some(websocket),
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    fetch_snippet(request, options, Runtime::Browser)
}

fn websocket(request: &PreparedRequest, options: &Options) -> Snippet {
    websocket_snippet(request, options, Runtime::Browser)
}
