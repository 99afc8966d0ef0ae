//! Import stage (the reverse edge of the pipeline): text from elsewhere (a HAR file, a curl command line, a
//! Postman collection) becomes a `Request` (or a `Collection` of them) the editor can show, plus sentences
//! about what could not be carried over.

pub mod collection;
pub mod curl;
pub mod har;
#[cfg(feature = "http-file")]
pub mod http_file;
mod normalize;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod postman;
mod read;
pub mod sniff;
pub use read::{JsonSyntax, ShapeError};

pub use collection::{Collection, CollectionItem, ImportWarning, ImportedCollection, Origin};

use crate::edit::model::Request;

/// An imported request and what the user should know about it (dropped flags, files not read, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub request: Request,
    pub warnings: Vec<String>,
}

/// Inputs larger than this are refused before any parsing: no real command or request is this big, and the
/// app must stay responsive when someone pastes a whole log by mistake.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;
