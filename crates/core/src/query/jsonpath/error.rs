//! The error a query that does not parse (or is not well-typed) is rejected with.

use std::fmt;

/// Why a JSONPath query was rejected, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonPathError {
    /// Byte offset in the query text.
    pub position: usize,
    pub message: String,
}

impl JsonPathError {
    pub(crate) fn new(position: usize, message: impl Into<String>) -> Self {
        JsonPathError {
            position,
            message: message.into(),
        }
    }
}

impl fmt::Display for JsonPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.position, self.message)
    }
}

impl std::error::Error for JsonPathError {}
