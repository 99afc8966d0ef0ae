//! What the bundles say to each other: one module per channel, each message a type both sides read and
//! write (the page reads with `JSON.parse` + `page::js_json` where serde's reader would cost it bytes; the
//! tests hold the two readings equal).
//!
//! - `snippet`: page <-> snippet worker (a request and a choice in, code out).
//! - `import`: page <-> import worker (text in, a request out; a request out as HAR).
//! - `library`: page <-> library (through `window.reqlab`, see `page::bridge`).
//! - `streams`: page -> live view (a response body and a socket to open, through `window.reqlab`).
//! - `reference`: the API reference view <-> its worker (a description in, operations and requests out).
//! - `auth`: page <-> auth bundle (a request about to be sent in, its auth headers out).
//! - `forward`: page or auth bundle -> reqlab-echo's forward mode.
//! - `workflow`: page <-> workflow bundle (an answer in, the Tests tab's rows and captured values out).

pub mod auth;
pub mod forward;
pub mod import;
pub mod library;
#[cfg(feature = "reference")]
pub mod reference;
pub mod snippet;
pub mod streams;
pub mod workflow;

/// Worker -> page, once, when it listens: a message posted to a worker before its wasm has started is
/// dispatched to no handler and lost, so the page holds its question until it hears this.
pub const READY: &str = "ready";
