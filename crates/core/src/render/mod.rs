//! Render stage: what the viewer shows of a request and its answer: the raw HTTP message, response facts,
//! body kinds, JSON checking, re-indenting and folding, markup highlighting, text search and sizes.

pub mod json;
#[cfg(feature = "openapi")]
pub mod markdown;
pub mod markup_highlight;
pub mod raw;
pub mod response;
pub mod response_body;
pub mod shorten;
pub mod size;
pub mod text_search;
