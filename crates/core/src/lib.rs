//! reqlab-core: the request pipeline (edit -> prepare -> send / snippets), free of any browser or server code.
//!
//! `Request` is what the user edits, [`prepare::prepare`] turns it into the [`prepare::PreparedRequest`] that goes
//! on the wire, and every consumer (the browser send, every snippet target) reads only the prepared form.
//! [`stream`] reads the answers that keep arriving: server-sent events, JSON record streams, WebSocket messages.

// The pipeline's stages, in order, then what stands beside them.
#[cfg(feature = "auth")]
pub mod auth;
pub mod base64;
#[cfg(any(feature = "auth", feature = "http-file"))]
mod calendar;
pub mod check;
#[cfg(feature = "workflow")]
pub mod compare;
pub mod edit;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod http;
pub mod import;
pub mod library;
pub mod prepare;
#[cfg(feature = "workflow")]
pub mod query;
pub mod render;
#[cfg(feature = "workflow")]
pub mod run;
pub mod share;
pub mod snippet;
pub mod stream;

pub use edit::model::{
    ApiKeyLocation, Auth, Body, Environment, FileRef, FormPart, KeyValue, Method, PartValue,
    RawLanguage, Request, RequestOptions, Variables,
};
pub use import::{Collection, CollectionItem, Imported};
pub use prepare::{
    browser_limit, prepare, prepare_for, Field, PrepareError, PreparedAuth, PreparedBody,
    PreparedPart, PreparedPartValue, PreparedRequest, Sender,
};
