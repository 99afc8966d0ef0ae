//! Snippet target `node-fetch`: Node 20's built-in `fetch`, as an ES module (`.mjs`, top-level `await`), files
//! read with `node:fs/promises`.

use crate::prepare::PreparedRequest;
use crate::snippet::targets::js_fetch::{fetch_snippet, Runtime};
use crate::snippet::{Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    fetch_snippet(request, options, Runtime::Node)
}
