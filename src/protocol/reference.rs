//! Reference view <-> its worker (the same wasm module, started a second time as a module worker): a
//! description to read, then questions about its operations. `Ask` in, `Reply` out, JSON strings both ways.
//! The library asks the same worker to import a description (`protocol::import::OpenApiAsk`).

use reqlab_core::import::openapi::ServerChoice;
use reqlab_core::{Environment, Request};
use serde::{Deserialize, Serialize};

/// View -> worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// Fetch the description at `url` (absolute) and read it. `fragment` is the page's (`#spec=…`): the
    /// sidebar's links keep its other parts.
    Load { url: String, fragment: String },
    /// Read a description the user pasted or chose; `base` is what relative server URLs resolve against.
    Text {
        text: String,
        base: String,
        fragment: String,
    },
    /// The operation `key` documented, as the view's markup.
    Operation { key: String },
    /// The request "Try it" opens for the operation `key`.
    Request { key: String, server: ServerChoice },
}

/// Worker -> view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The description was read. `received` is when its last byte arrived and `read` when the summary was
    /// ready, both in ms since the epoch (`performance.timeOrigin + now()`: the worker's clock starts
    /// elsewhere than the page's).
    Summary {
        title: String,
        /// The keys of the operations, for the address's `op=`.
        keys: Vec<String>,
        /// Per operation (by index), the lower-case text search looks in.
        haystacks: Vec<String>,
        /// The view's markup, made here: the sidebar (in pieces the view puts in place one task at a
        /// time), the overview, the server list's options.
        sidebar_html: Vec<String>,
        overview_html: String,
        servers_html: String,
        /// The document's own address, for relative server URLs (the page's for pasted text).
        base: String,
        received: f64,
        read: f64,
    },
    /// Why nothing could be read (fetch failed, not JSON or YAML, not OpenAPI, refused by a limit).
    Failed {
        message: String,
    },
    Operation {
        key: String,
        html: String,
    },
    Request {
        key: String,
        request: Request,
        environment: Environment,
        warnings: Vec<String>,
    },
}
