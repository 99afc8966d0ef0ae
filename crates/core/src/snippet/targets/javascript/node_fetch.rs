//! Snippet target `node-fetch`: Node 20's built-in `fetch`, as an ES module (`.mjs`, top-level `await`), files
//! read with `node:fs/promises`.

use super::fetch_call::fetch_snippet;
use super::Runtime;
use crate::prepare::PreparedRequest;
use crate::snippet::{NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "node-fetch",
    label: "Node fetch",
    client: "fetch",
    language: "Node.js",
    extension: "mjs",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    generate,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    fetch_snippet(request, options, Runtime::Node)
}
