//! Queries into a JSON body: JSONPath (RFC 9535).

pub mod jsonpath;

pub use jsonpath::{JsonPath, JsonPathError, Node};
