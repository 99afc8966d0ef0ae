//! A GraphQL request's body, the JSON envelope `{"query", "variables", "operationName"}` it is on the wire:
//! written from its parts and read back into them, for the importers, the exporters, the snippets and the
//! GraphQL editor.

use crate::edit::model::{Body, RawLanguage};
use serde_json::{Map, Value};

/// The envelope as compact JSON, members in the order query, variables, operationName; null variables and
/// an empty operation name are left out, as a server reads their absence the same way.
pub fn envelope(query: &str, variables: Option<&Value>, operation_name: Option<&str>) -> String {
    let variables = variables.filter(|v| !v.is_null()).map(Value::to_string);
    envelope_with_variables_text(query, variables.as_deref(), operation_name)
}

/// The envelope with the variables as written by hand, kept as they are: `{"id": {{id}}}` is JSON only
/// once its `{{variables}}` are resolved at send time.
pub fn envelope_with_variables_text(
    query: &str,
    variables: Option<&str>,
    operation_name: Option<&str>,
) -> String {
    let mut text = format!("{{\"query\":{}", Value::from(query));
    if let Some(variables) = variables {
        text.push_str(",\"variables\":");
        text.push_str(variables);
    }
    if let Some(name) = operation_name.filter(|n| !n.is_empty()) {
        text.push_str(",\"operationName\":");
        text.push_str(&Value::from(name).to_string());
    }
    text.push('}');
    text
}

/// The envelope text of a GraphQL body; `None` for any other body.
pub fn graphql_text(body: &Body) -> Option<&str> {
    match body {
        Body::Raw {
            language: RawLanguage::GraphQl,
            text,
        } => Some(text),
        _ => None,
    }
}

/// What an envelope holds. Variables stay a JSON value: every caller either writes them as JSON again or
/// hands them to a client that takes a JSON object.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphQlParts {
    pub query: String,
    pub variables: Option<Value>,
    pub operation_name: Option<String>,
}

/// The envelope's parts, or `None` when the text is not a JSON object with a string `query`. Null variables
/// and an empty or null operation name read as absent.
pub fn parts(text: &str) -> Option<GraphQlParts> {
    let mut envelope: Map<String, Value> = serde_json::from_str(text).ok()?;
    let Value::String(query) = envelope.remove("query")? else {
        return None;
    };
    let variables = envelope.remove("variables").filter(|v| !v.is_null());
    let operation_name = match envelope.remove("operationName") {
        Some(Value::String(name)) if !name.is_empty() => Some(name),
        _ => None,
    };
    Some(GraphQlParts {
        query,
        variables,
        operation_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_envelope_is_compact_in_the_order_servers_log_it() {
        let variables = json!({"id": "1", "n": 2});
        assert_eq!(
            envelope("query Q($id: ID) { a }", Some(&variables), Some("Q")),
            r#"{"query":"query Q($id: ID) { a }","variables":{"id":"1","n":2},"operationName":"Q"}"#
        );
        assert_eq!(envelope("{ a }", None, None), r#"{"query":"{ a }"}"#);
        assert_eq!(
            envelope("{\n  \"a\"\n}", Some(&Value::Null), Some("")),
            r#"{"query":"{\n  \"a\"\n}"}"#
        );
    }

    #[test]
    fn parts_read_back_what_the_envelope_wrote() {
        let variables = json!({"list": [1, 2], "s": "x"});
        let text = envelope("query Q { a }", Some(&variables), Some("Q"));
        assert_eq!(
            parts(&text),
            Some(GraphQlParts {
                query: "query Q { a }".into(),
                variables: Some(variables),
                operation_name: Some("Q".into()),
            })
        );
        let bare = parts(r#"{"operationName": "", "variables": null, "query": "{ a }"}"#);
        assert_eq!(
            bare,
            Some(GraphQlParts {
                query: "{ a }".into(),
                variables: None,
                operation_name: None,
            })
        );
    }

    #[test]
    fn text_that_is_no_envelope_has_no_parts() {
        for text in ["", "{ a }", "[]", r#"{"variables": {}}"#, r#"{"query": 1}"#] {
            assert_eq!(parts(text), None, "{text}");
        }
    }
}
