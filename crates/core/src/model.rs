//! Edit stage: the request as the user composes it (rows that can be switched off, raw fields, variables).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An HTTP method: one of the standard ones, or any other valid token the user typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Method {
    #[default]
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
    Connect,
    Trace,
    /// Kept exactly as typed; `prepare` checks that it is a valid HTTP token.
    Custom(String),
}

impl Method {
    /// The standard methods, in the order a method picker shows them.
    pub const STANDARD: [Method; 9] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
        Method::Head,
        Method::Options,
        Method::Connect,
        Method::Trace,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
            Method::Connect => "CONNECT",
            Method::Trace => "TRACE",
            Method::Custom(name) => name,
        }
    }

    /// Parses a method name. Standard names are matched without regard to case (users type `post`);
    /// anything else is kept verbatim, because custom methods are case-sensitive on the wire.
    pub fn parse(name: &str) -> Method {
        Method::STANDARD
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name))
            .unwrap_or_else(|| Method::Custom(name.to_string()))
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<String> for Method {
    fn from(name: String) -> Self {
        Method::parse(&name)
    }
}

impl From<Method> for String {
    fn from(method: Method) -> Self {
        method.as_str().to_string()
    }
}

/// One row of a key/value table (headers, later query and form fields): it can be switched off without
/// being deleted, as in every peer's editor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValue {
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    pub key: String,
    #[serde(default)]
    pub value: String,
}

fn enabled_by_default() -> bool {
    true
}

impl KeyValue {
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        KeyValue {
            enabled: true,
            key: key.into(),
            value: value.into(),
        }
    }
}

/// The request being edited. Serialized as reqlab's request JSON (the CLI's input, share links later).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<KeyValue>,
    /// Raw text body; empty means no body.
    pub body: String,
}

/// Named `{{variable}}` values that any field of a request may refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Environment {
    pub name: String,
    pub variables: Vec<KeyValue>,
}

impl Environment {
    /// The value of an enabled variable; the last definition wins, as when a later row overrides.
    pub fn lookup(&self, name: &str) -> Option<&str> {
        self.variables
            .iter()
            .rev()
            .find(|v| v.enabled && v.key == name)
            .map(|v| v.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_parse_is_case_insensitive_for_standard_names_only() {
        let cases = [
            ("get", Method::Get),
            ("POST", Method::Post),
            ("Patch", Method::Patch),
            ("PROPFIND", Method::Custom("PROPFIND".into())),
            ("purge", Method::Custom("purge".into())),
        ];
        for (input, expected) in cases {
            assert_eq!(Method::parse(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn request_json_round_trips_and_fills_defaults() {
        let json = r#"{"method":"post","url":"http://h/x","headers":[{"key":"A","value":"1"}]}"#;
        let request: Request = serde_json::from_str(json).expect("valid request JSON");
        assert_eq!(request.method, Method::Post);
        assert!(request.headers[0].enabled, "rows default to enabled");
        assert_eq!(request.body, "");
        let back: Request =
            serde_json::from_str(&serde_json::to_string(&request).expect("serializes"))
                .expect("reads back");
        assert_eq!(back, request);
    }

    #[test]
    fn environment_lookup_skips_disabled_rows_and_prefers_the_last() {
        let mut env = Environment::default();
        env.variables.push(KeyValue::new("host", "a"));
        env.variables.push(KeyValue::new("host", "b"));
        env.variables.push(KeyValue {
            enabled: false,
            ..KeyValue::new("host", "c")
        });
        assert_eq!(env.lookup("host"), Some("b"));
        assert_eq!(env.lookup("missing"), None);
    }
}
