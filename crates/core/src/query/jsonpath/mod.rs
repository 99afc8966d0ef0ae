//! JSONPath queries (RFC 9535): parsing, well-typedness checks and evaluation to nodes with
//! their Normalized Paths.

mod ast;
mod compare;
mod cursor;
mod error;
mod eval;
mod filter_eval;
mod filter_parser;
mod functions;
mod iregexp;
mod literal;
mod normalized_path;
mod parser;
mod slice;
#[cfg(test)]
mod tests;

use serde_json::Value;

pub use error::JsonPathError;

/// A parsed, well-typed JSONPath query.
#[derive(Debug, Clone)]
pub struct JsonPath {
    query: ast::Query,
}

/// A selected value and where it is: its Normalized Path (RFC 9535 §2.7), e.g. `$['store']['book'][0]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub path: String,
    pub value: &'a Value,
}

impl JsonPath {
    /// Rejects everything RFC 9535's grammar rejects, and ill-typed function use (§2.4.3).
    pub fn parse(query: &str) -> Result<JsonPath, JsonPathError> {
        parser::parse_query(query).map(|query| JsonPath { query })
    }

    /// The selected nodes, in the order the RFC gives them (objects' members in key order).
    pub fn select<'a>(&self, root: &'a Value) -> Vec<Node<'a>> {
        eval::select_from(
            &self.query.segments,
            root,
            root,
            Some(normalized_path::ROOT),
        )
    }

    /// Whether the query can select at most one node (only single names and indexes).
    pub fn is_singular(&self) -> bool {
        self.query.is_singular()
    }
}
