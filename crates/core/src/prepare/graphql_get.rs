//! GraphQL over HTTP's GET: a GraphQL body on a GET request travels as the URL's `query`, `operationName`,
//! `variables` and `extensions` parameters (the last two as JSON), as the GraphQL over HTTP specification
//! has it, so the send, every snippet and a share link agree on one URL. (A WebSocket's GraphQL body is a
//! subscription's payload and stays a body: prepare does not come here for one.)

use crate::edit::graphql_body::parts;
use crate::edit::model::{Body, KeyValue};

/// The envelope's members as query rows, taking the body; `None` (the body left as it is) unless the body
/// is a GraphQL request: a broken one stays a body, which a GET cannot carry, and the send says so.
pub(super) fn take_as_query(body: &mut Body) -> Option<Vec<KeyValue>> {
    let parts = parts(crate::edit::graphql_body::graphql_text(body)?)?;
    *body = Body::None;
    let members = [
        ("query", Some(parts.query)),
        ("operationName", parts.operation_name),
        ("variables", parts.variables),
        ("extensions", parts.extensions),
    ];
    Some(
        members
            .into_iter()
            .filter_map(|(name, value)| Some(KeyValue::new(name, value?)))
            .collect(),
    )
}
