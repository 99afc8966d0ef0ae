//! Page <-> import worker: `ImportQuestion` in, `ImportReply` out; `ExportQuestion` in, the HAR text (or an
//! error) out. Library <-> import worker: `{"library": LibraryQuestion}` in, `LibraryReply` out. JSON
//! strings.

use reqlab_core::library::collections::{Collections, Folder};
use reqlab_core::share::Shared;
use reqlab_core::{Environment, KeyValue, Request};
use serde::{Deserialize, Serialize};

/// Page -> import worker: import text from elsewhere. Sent as `{"import": ImportAsk}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportAsk {
    /// Echoed back, as for snippets; import questions count on their own.
    pub seq: u64,
    /// A curl command, a HAR document, a Postman collection or reqlab's request JSON.
    pub text: String,
    /// One of `workers::import::FORMATS`' ids; empty (or unknown) detects the format from the text.
    pub format: String,
    /// Which of several: a HAR entry's number or a Postman request's path, as `ImportAnswer::choices` lists
    /// them; empty (or not among them) takes the first.
    pub pick: String,
}

/// Page -> import worker: the current request (and its response, when there is one) as a HAR 1.2 log.
/// Sent as `{"export": ExportAsk}`; the answer is `{"export": "<the HAR text>"}` (or `{"error": "…"}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportAsk {
    pub request: Request,
    pub environment: Environment,
    pub response: Option<ExportResponse>,
    /// Keep credentials, cookies and the auth's secrets (they are left out otherwise).
    #[serde(default)]
    pub include_secrets: bool,
}

/// The response recorded next to the request. `text` is the body when it is text the page could show;
/// empty otherwise (HAR would need it base64-encoded, and the file is meant to be read).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportResponse {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    pub mime_type: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportQuestion {
    pub export: ExportAsk,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportQuestion {
    pub import: ImportAsk,
}

/// Worker -> page, the answer to an `ImportAsk`. The page reads it with `js_json` (see `client`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportAnswer {
    pub seq: u64,
    /// The format id the text was read as (detected, or the one asked for).
    pub format: String,
    /// What was imported, for the sentence the page shows ("Imported a curl command").
    pub summary: String,
    pub request: Option<Request>,
    /// Variables the request refers to (a Postman collection's), to be put in an environment of this name.
    pub environment: Option<Environment>,
    /// `(pick, label)` of the requests to choose from when the text holds several; empty otherwise.
    pub choices: Vec<(String, String)>,
    /// The pick the request is, among `choices`.
    pub picked: String,
    /// What was not imported (flags, scripts, files), one sentence each.
    pub warnings: Vec<String>,
    /// Why nothing could be imported; then `request` is `None`.
    pub error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReply {
    pub import: ImportAnswer,
}

/// The import worker's loader (trunk writes it; relative to the page, so it works under a sub-path): the
/// page starts it on the first import, the library on the first collection it imports.
pub const IMPORT_WORKER: &str = "./import-worker_loader.js";

/// The API reference's worker (`src/reference`, a module worker: `public/reference-worker.js` imports the
/// module again): the reference view reads descriptions with it, the library imports them.
pub const REFERENCE_WORKER: &str = "./reference-worker.js";

/// Library -> import worker: every request of a Postman collection or a HAR log, for the Collections panel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CollectionAsk {
    pub text: String,
}

/// Library -> import worker, sent as `{"library": LibraryQuestion}`: the library's work that needs code it
/// does not carry itself (every first visit downloads the library; the worker loads on first use). One
/// member is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LibraryQuestion {
    /// Read one request, as the page's own imports do (the Import dialog is the library's): answered in
    /// `LibraryReply::import`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportAsk>,
    /// Read a Postman collection or HAR log whole: answered in `LibraryReply::collection`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<CollectionAsk>,
    /// Write the collections as a Postman collection: answered in `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postman: Option<PostmanAsk>,
    /// Pack what a share link carries into its fragment: answered in `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Shared>,
    /// Write an environment as a Postman environment file: answered in `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_export: Option<Environment>,
    /// Read a Postman environment file: answered in `environment`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_file: Option<String>,
    /// The examples gallery aimed at this echo server: answered in `examples`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub examples: Option<String>,
    /// Import an OpenAPI description into the collections: asked of the API reference's worker (the
    /// reader is that module's), answered in `collections`, `text` (what was done) and `collection` (the
    /// name, variables and warnings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openapi: Option<OpenApiAsk>,
}

/// An OpenAPI description to import, with the collections as they are: a newer version of one imported
/// before re-syncs the requests it made (`Collections::resync_folders`, in the worker, which carries it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenApiAsk {
    pub text: String,
    /// What relative server URLs resolve against: the page's address.
    pub base: String,
    pub collections: Collections,
}

/// One example of the gallery (`reqlab_core::edit::examples`), as the Examples dialog lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExampleEntry {
    pub id: String,
    pub title: String,
    pub about: String,
    pub request: Request,
    /// What the browser's fetch reports (0 for an opaque redirect).
    pub browser_status: u16,
}

/// The key the worker tells a library question apart by.
pub const LIBRARY_KEY: &str = "{\"library\":";

/// What `LibraryQuestion` is sent in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryEnvelope {
    pub library: LibraryQuestion,
}

/// The saved collections, their name and the variables to write into a Postman collection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostmanAsk {
    pub collections: Collections,
    pub name: String,
    pub variables: Vec<KeyValue>,
    /// Keep passwords, keys, client secrets and secret-named variables (they are left out otherwise).
    #[serde(default)]
    pub include_secrets: bool,
}

/// Import worker -> library, the answer to a `LibraryQuestion`, in the order asked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LibraryReply {
    pub import: Option<ImportAnswer>,
    pub collection: Option<CollectionAnswer>,
    pub text: Option<String>,
    pub environment: Option<Environment>,
    pub examples: Vec<ExampleEntry>,
    /// The collections after an OpenAPI import.
    pub collections: Option<Collections>,
    /// Why there is no answer.
    pub error: Option<String>,
}

/// Import worker -> library: a whole collection. It comes flattened as the library keeps folders
/// (`Collections::flatten`): the library then reads only types it reads from storage already, which keeps it
/// small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CollectionAnswer {
    /// The collection's name; every folder's name starts with it.
    pub name: String,
    pub folders: Vec<Folder>,
    /// The collection's variables, for an environment of its name.
    pub variables: Vec<KeyValue>,
    /// What was not imported, one sentence each.
    pub warnings: Vec<String>,
    /// Why nothing could be imported.
    pub error: Option<String>,
}
