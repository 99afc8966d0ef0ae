//! Reference view <-> its worker (the same wasm module, started a second time as a module worker): a
//! description to read, then questions about its operations. `Ask` in, `Reply` out, JSON strings both ways.

use reqlab_core::import::openapi::{ApiSummary, ServerChoice};
use reqlab_core::{Collection, Environment, Request};
use serde::{Deserialize, Serialize};

/// View -> worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// Fetch the description at `url` (absolute) and read it.
    Load { url: String },
    /// Read a description the user pasted or chose; `base` is what relative server URLs resolve against.
    Text { text: String, base: String },
    /// The operation `key` documented, as the view's markup.
    Operation { key: String },
    /// The request "Try it" opens for the operation `key`.
    Request { key: String, server: ServerChoice },
    /// Every operation as a collection, for import into Collections.
    Collection { server: ServerChoice },
}

/// Worker -> view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The description was read. `received` is when its last byte arrived and `read` when the summary was
    /// ready, both in ms since the epoch (`performance.timeOrigin + now()`: the worker's clock starts
    /// elsewhere than the page's).
    Summary {
        summary: ApiSummary,
        /// The description's Markdown as the view's markup (rendered here, off the page's thread).
        description_html: String,
        /// The document's own address, for relative server URLs ("" for pasted text).
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
    /// The library flattens it into folders (or re-syncs the folders an earlier version made).
    Collection {
        collection: Collection,
        environment: Environment,
        warnings: Vec<String>,
    },
}
