//! What the resolvers may know of the transport: the HTTP request that carried an operation (headers in the
//! order they arrived) and, on a WebSocket, the `connection_init` payload a client sends in place of headers.

use crate::raw::RawHead;
use async_graphql::{Object, SimpleObject};
use axum::http::request::Parts;
use serde_json::Value;

/// One HTTP header field.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The field name, in the case it was sent (over HTTP/1.1; lower case otherwise).
    pub name: String,
    /// The field value.
    pub value: String,
}

#[derive(Clone, Debug)]
pub struct RequestInfo {
    method: String,
    path: String,
    headers: Vec<Header>,
}

impl RequestInfo {
    /// Reads `parts`, leaving out the header names `exclude` lists (lower case), as every echo does.
    pub fn new(parts: &Parts, exclude: &[String]) -> Self {
        let headers = match parts.extensions.get::<RawHead>() {
            Some(RawHead(head)) => headers_on_the_wire(head),
            None => parts
                .headers
                .iter()
                .map(|(name, value)| Header {
                    name: name.as_str().to_string(),
                    value: String::from_utf8_lossy(value.as_bytes()).into_owned(),
                })
                .collect(),
        };
        RequestInfo {
            method: parts.method.to_string(),
            path: parts.uri.path().to_string(),
            headers: headers
                .into_iter()
                .filter(|header| !exclude.contains(&header.name.to_ascii_lowercase()))
                .collect(),
        }
    }
}

/// The header lines of a request head, in order and case: `HeaderMap` groups repeats and lower-cases names.
fn headers_on_the_wire(head: &[u8]) -> Vec<Header> {
    String::from_utf8_lossy(head)
        .split("\r\n")
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| Header {
            name: name.trim().to_string(),
            value: value.trim().to_string(),
        })
        .collect()
}

/// The HTTP request as the server received it.
#[Object]
impl RequestInfo {
    /// The HTTP method: GET or POST (GET for a WebSocket handshake).
    async fn method(&self) -> &str {
        &self.method
    }

    /// The path, without the query.
    async fn path(&self) -> &str {
        &self.path
    }

    /// Every header field, in the order received; a repeated field appears once per line.
    async fn headers(&self) -> &[Header] {
        &self.headers
    }

    /// The value of one header field, names compared without case; null when it was not sent. Repeated
    /// fields are joined with ", ".
    async fn header(
        &self,
        #[graphql(desc = "The field name, in any case.")] name: String,
    ) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|header| header.name.eq_ignore_ascii_case(&name))
            .map(|header| header.value.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// The payload of a WebSocket's `connection_init` message.
pub struct ConnectionInit(pub Value);

impl ConnectionInit {
    /// Its string members, then those of a nested `headers` object, as header fields.
    pub fn headers(&self) -> Vec<Header> {
        let strings = |value: &Value| -> Vec<Header> {
            value
                .as_object()
                .into_iter()
                .flatten()
                .filter_map(|(name, value)| {
                    Some(Header {
                        name: name.clone(),
                        value: value.as_str()?.to_string(),
                    })
                })
                .collect()
        };
        let mut headers = strings(&self.0);
        headers.extend(strings(&self.0["headers"]));
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_headers_keep_order_case_and_repeats() {
        let head = b"GET /graphql HTTP/1.1\r\nHost: x\r\nX-B: 1\r\nx-a: 2\r\nX-B: 3\r\n\r\n";
        let names: Vec<(String, String)> = headers_on_the_wire(head)
            .into_iter()
            .map(|h| (h.name, h.value))
            .collect();
        let expected = [("Host", "x"), ("X-B", "1"), ("x-a", "2"), ("X-B", "3")];
        assert_eq!(names, expected.map(|(n, v)| (n.to_string(), v.to_string())));
    }

    #[test]
    fn connection_init_headers_come_from_the_top_and_from_headers() {
        let init = ConnectionInit(serde_json::json!({
            "Authorization": "Bearer t",
            "retries": 3,
            "headers": {"X-Tenant": "a", "nested": {"no": "x"}}
        }));
        assert_eq!(
            init.headers(),
            [
                Header {
                    name: "Authorization".into(),
                    value: "Bearer t".into()
                },
                Header {
                    name: "X-Tenant".into(),
                    value: "a".into()
                },
            ]
        );
    }
}
