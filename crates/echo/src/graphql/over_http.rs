//! GraphQL over HTTP (the GraphQL over HTTP specification): a POST with an `application/json` envelope or a
//! GET with the envelope's members in the query; the answer in `application/graphql-response+json` when the
//! client accepts it (400 for a document that does not parse or validate) and otherwise in
//! `application/json`, always 200 for a GraphQL answer, as the specification's legacy rules say.

use super::request_info::RequestInfo;
use super::schema::EchoSchema;
use crate::body::read_body;
use crate::safety::sandbox_csp;
use crate::Config;
use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{Request as GraphQlRequest, Response as GraphQlResponse, Variables};
use axum::{
    extract::Request,
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::{json, Value};

pub const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";
const JSON: &str = "application/json";

const HOW_TO_ASK: &str = "Send a GraphQL query: POST /graphql with Content-Type: application/json and \
{\"query\": \"{ hello }\"}, or GET /graphql?query={hello} (variables and operationName as JSON and text \
beside it); WebSocket clients offer the subprotocol graphql-transport-ws or graphql-ws.";

/// The media type of the answer, chosen from the request's `Accept`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Answer {
    /// `application/graphql-response+json`: statuses tell request errors from results.
    GraphQlResponse,
    /// `application/json`: every GraphQL answer is 200, as servers did before the specification.
    LegacyJson,
}

impl Answer {
    pub fn negotiate(headers: &HeaderMap) -> Answer {
        let lists_it = headers
            .get_all(header::ACCEPT)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .any(|range| accepts(range, GRAPHQL_RESPONSE));
        if lists_it {
            Answer::GraphQlResponse
        } else {
            Answer::LegacyJson
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            Answer::GraphQlResponse => GRAPHQL_RESPONSE,
            Answer::LegacyJson => JSON,
        }
    }

    /// A GraphQL answer: with the new media type a request error (no `data`) is 400 (spec §6.4.2).
    fn status_of(self, body: &Value) -> StatusCode {
        match self {
            Answer::GraphQlResponse if body.get("data").is_none() => StatusCode::BAD_REQUEST,
            _ => StatusCode::OK,
        }
    }

    /// An answer carrying `body`, with a status and the headers every GraphQL answer has.
    fn reply(self, status: StatusCode, body: &Value) -> Response {
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.media_type()),
        );
        headers.append(header::VARY, HeaderValue::from_static("Accept"));
        let (name, value) = sandbox_csp();
        headers.insert(name, value);
        response
    }

    /// A refusal before any GraphQL ran, as a GraphQL error list (what a GraphQL client knows how to show).
    pub fn refuse(self, status: StatusCode, message: &str) -> Response {
        self.reply(status, &json!({ "errors": [{ "message": message }] }))
    }
}

/// True when one `Accept` member names `media_type` (parameters allowed) with a non-zero weight.
fn accepts(range: &str, media_type: &str) -> bool {
    let mut parts = range.split(';').map(str::trim);
    let named = parts
        .next()
        .is_some_and(|essence| essence.eq_ignore_ascii_case(media_type));
    let refused = parts.any(|parameter| {
        parameter
            .strip_prefix("q=")
            .and_then(|q| q.parse::<f32>().ok())
            .is_some_and(|q| q <= 0.0)
    });
    named && !refused
}

/// Answers one GraphQL request that came over plain HTTP (GET or POST).
pub async fn answer(schema: &EchoSchema, config: &Config, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let answer = Answer::negotiate(&parts.headers);
    let envelope = if parts.method == Method::POST {
        if !is_json(&parts.headers) {
            return answer.refuse(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "A GraphQL POST needs Content-Type: application/json and a JSON body \
                 {\"query\", \"variables\", \"operationName\"}.",
            );
        }
        let body = match read_body(body, config.max_body_bytes).await {
            Ok(body) => body,
            Err(response) => return response,
        };
        from_json_body(&body)
    } else {
        from_query(parts.uri.query().unwrap_or_default())
    };
    let mut request = match envelope {
        Ok(request) => request,
        Err(why) => return answer.refuse(StatusCode::BAD_REQUEST, &why),
    };
    if parts.method != Method::POST && is_mutation(&mut request) {
        let mut response = answer.refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            "A mutation cannot be sent with GET, which must not change anything: send it with POST.",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    let request = request.data(RequestInfo::new(&parts, &config.exclude_headers));
    let body = to_json(schema.execute(request).await);
    answer.reply(answer.status_of(&body), &body)
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case(JSON))
}

fn from_json_body(body: &[u8]) -> Result<GraphQlRequest, String> {
    let request: GraphQlRequest = serde_json::from_slice(body)
        .map_err(|err| format!("The body is not a GraphQL request envelope: {err}."))?;
    if request.query.trim().is_empty() {
        return Err(format!("The envelope has no query. {HOW_TO_ASK}"));
    }
    Ok(request)
}

/// The envelope from a GET's query: `query`, `variables` (JSON text), `operationName`, `extensions`.
fn from_query(query: &str) -> Result<GraphQlRequest, String> {
    let mut request = None;
    let (mut variables, mut operation_name, mut extensions) = (None, None, None);
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        match name.as_ref() {
            "query" => request = Some(GraphQlRequest::new(value.into_owned())),
            "variables" => variables = Some(value.into_owned()),
            "operationName" => operation_name = Some(value.into_owned()),
            "extensions" => extensions = Some(value.into_owned()),
            _ => {}
        }
    }
    let mut request = request
        .filter(|request| !request.query.trim().is_empty())
        .ok_or_else(|| HOW_TO_ASK.to_string())?;
    if let Some(text) = variables {
        let value: Value = serde_json::from_str(&text)
            .map_err(|err| format!("The variables parameter is not JSON: {err}."))?;
        if !value.is_object() && !value.is_null() {
            return Err("The variables parameter must be a JSON object.".to_string());
        }
        request = request.variables(Variables::from_json(value));
    }
    if let Some(text) = extensions {
        request.extensions = serde_json::from_str(&text)
            .map_err(|err| format!("The extensions parameter is not a JSON object: {err}."))?;
    }
    if let Some(name) = operation_name.filter(|name| !name.is_empty()) {
        request = request.operation_name(name);
    }
    Ok(request)
}

/// Whether the operation the request names (or its only one) is a mutation. A document that does not parse,
/// or names no operation it has, is left for the executor to report as a GraphQL error.
fn is_mutation(request: &mut GraphQlRequest) -> bool {
    let name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return false;
    };
    let operation = match (&document.operations, name) {
        (DocumentOperations::Single(operation), _) => Some(operation),
        (DocumentOperations::Multiple(operations), Some(name)) => operations
            .iter()
            .find(|(candidate, _)| candidate.as_str() == name)
            .map(|(_, operation)| operation),
        (DocumentOperations::Multiple(_), None) => None,
    };
    operation.is_some_and(|operation| operation.node.ty == OperationType::Mutation)
}

/// The answer as JSON, with `data` left out for a request error (no field ran), as the specification asks:
/// async-graphql writes `"data": null` for those too, which reads as "every field failed".
fn to_json(response: GraphQlResponse) -> Value {
    let request_error = response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty());
    let mut body = serde_json::to_value(&response)
        .unwrap_or_else(|err| json!({ "errors": [{ "message": err.to_string() }] }));
    if request_error {
        if let Some(fields) = body.as_object_mut() {
            fields.remove("data");
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negotiated(accept: &str) -> Answer {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_str(accept).expect("header"),
        );
        Answer::negotiate(&headers)
    }

    #[test]
    fn the_new_media_type_is_chosen_only_when_listed() {
        assert_eq!(
            negotiated("application/graphql-response+json"),
            Answer::GraphQlResponse
        );
        assert_eq!(
            negotiated("application/json;q=0.9, application/graphql-response+json; charset=utf-8"),
            Answer::GraphQlResponse
        );
        assert_eq!(negotiated("application/json"), Answer::LegacyJson);
        assert_eq!(negotiated("*/*"), Answer::LegacyJson);
        assert_eq!(
            negotiated("application/graphql-response+json;q=0"),
            Answer::LegacyJson
        );
        assert_eq!(Answer::negotiate(&HeaderMap::new()), Answer::LegacyJson);
    }

    #[test]
    fn get_parameters_make_the_envelope() {
        let request = from_query("query=query%20Q(%24a%3AInt!)%7Badd(a%3A%24a%2Cb%3A1)%7D&variables=%7B%22a%22%3A2%7D&operationName=Q")
            .expect("an envelope");
        assert_eq!(request.query, "query Q($a:Int!){add(a:$a,b:1)}");
        assert_eq!(request.operation_name.as_deref(), Some("Q"));
        assert_eq!(
            request.variables.into_value().into_json().expect("json"),
            json!({"a": 2})
        );
        assert!(from_query("variables=%7B%7D").is_err());
        assert!(from_query("query=%7Bhello%7D&variables=nope").is_err());
        assert!(from_query("query=%7Bhello%7D&variables=%5B1%5D").is_err());
    }

    #[test]
    fn mutations_are_found_by_operation_name() {
        let document = "query Q { hello } mutation M { shout(message: \"a\") }";
        let named = |name: Option<&str>| {
            let mut request = GraphQlRequest::new(document);
            if let Some(name) = name {
                request = request.operation_name(name);
            }
            is_mutation(&mut request)
        };
        assert!(named(Some("M")));
        assert!(!named(Some("Q")));
        assert!(!named(None));
        assert!(is_mutation(&mut GraphQlRequest::new(
            "mutation { shout(message: \"a\") }"
        )));
        assert!(!is_mutation(&mut GraphQlRequest::new("{ hello")));
    }
}
