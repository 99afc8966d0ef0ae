//! reqlab-core: the request pipeline (edit -> prepare -> send / snippets), free of any browser or server code.
//!
//! `Request` is what the user edits, [`prepare::prepare`] turns it into the [`prepare::PreparedRequest`] that goes
//! on the wire, and every consumer (the browser send, every snippet target) reads only the prepared form.

pub mod base64;
pub mod bulk;
pub mod examples;
pub mod http;
pub mod import;
pub mod json;
pub mod library;
pub mod markup_highlight;
pub mod model;
pub mod multipart;
pub mod prepare;
pub mod query;
pub mod raw;
pub mod response;
pub mod response_body;
pub mod share;
pub mod snippet;
pub mod text_search;
pub mod url;

pub use import::{Collection, CollectionItem, Imported};
pub use model::{
    ApiKeyLocation, Auth, Body, Environment, FileRef, FormPart, KeyValue, Method, PartValue,
    RawLanguage, Request, RequestOptions, Variables,
};
pub use prepare::{
    prepare, Field, PrepareError, PreparedAuth, PreparedBody, PreparedPart, PreparedPartValue,
    PreparedRequest,
};
