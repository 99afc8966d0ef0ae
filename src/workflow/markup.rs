//! Markup helpers for the workflow bundle's views, which are written as HTML text (as the library's and
//! the auth bundle's are): escaping, and the constant parts.

pub use crate::dom::html::escape;

/// At most `max` characters of `text`, with `…` when cut.
pub use reqlab_core::render::shorten::shortened as cut;
