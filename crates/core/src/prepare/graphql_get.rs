//! GraphQL over HTTP's GET: a GraphQL body on a GET request travels as the URL's `query`, `operationName`,
//! `variables` and `extensions` parameters (the last two as JSON), as the GraphQL over HTTP specification
//! has it, so the send, every snippet and a share link agree on one URL.

use crate::edit::model::{Body, KeyValue, RawLanguage};
use serde_json::{Map, Value};

/// The envelope's members as query rows, taking the body; `None` (the body left as it is) unless the body
/// is a GraphQL request whose JSON is an object: a broken one stays a body, which a GET cannot carry, and
/// the send says so.
pub(super) fn take_as_query(body: &mut Body) -> Option<Vec<KeyValue>> {
    let Body::Raw {
        language: RawLanguage::GraphQl,
        text,
    } = body
    else {
        return None;
    };
    let envelope: Map<String, Value> = serde_json::from_str(text).ok()?;
    let rows = ["query", "operationName", "variables", "extensions"]
        .into_iter()
        .filter_map(|name| {
            let value = match envelope.get(name)? {
                Value::Null => return None,
                Value::String(text) if name == "operationName" && text.is_empty() => return None,
                Value::String(text) if !name.ends_with('s') => text.clone(),
                other => serde_json::to_string(other).ok()?,
            };
            Some(KeyValue::new(name, value))
        })
        .collect();
    *body = Body::None;
    Some(rows)
}
