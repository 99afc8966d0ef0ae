//! Snippet target `node-fetch`: Node 20's built-in `fetch`, as an ES module (`.mjs`, top-level `await`), files
//! read with `node:fs/promises`. For a `ws://` or `wss://` URL it writes the `ws` package's WebSocket (Node 20
//! has no WebSocket client of its own), from `super::websocket`.

use super::fetch_call::fetch_snippet;
use super::websocket::websocket_snippet;
use super::Runtime;
use crate::prepare::PreparedRequest;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "node-fetch",
    label: "Node fetch",
    client: "fetch",
    language: "Node.js",
    extension: "mjs",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "use the digest-fetch package",
    },
    signs_aws: false,
    generate,
    websocket: Some(websocket),
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    fetch_snippet(request, options, Runtime::Node)
}

fn websocket(request: &PreparedRequest, options: &Options) -> Snippet {
    websocket_snippet(request, options, Runtime::Node)
}
