//! Edit stage: the request as the user composes it (rows that can be switched off, raw fields, variables).
//! About 480 lines: every type of the request model in one place, so its JSON shape reads in one sitting.

use crate::vocabulary;
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValue {
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    pub key: String,
    #[serde(default)]
    pub value: String,
}

pub(crate) fn enabled_by_default() -> bool {
    true
}

impl Default for KeyValue {
    /// A blank row, switched on: what an editor adds when the user asks for a new row.
    fn default() -> Self {
        KeyValue::new("", "")
    }
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
    /// The URL as typed, query included; `query` mirrors its query string (see `query::sync_*`).
    pub url: String,
    /// The query table: the URL's parameters plus rows switched off, which the URL does not show.
    pub query: Vec<KeyValue>,
    /// Values for `:name` and `{name}` path segments of the URL.
    pub path_variables: Vec<KeyValue>,
    pub headers: Vec<KeyValue>,
    pub body: Body,
    pub auth: Auth,
    pub options: RequestOptions,
    /// What is checked and taken from the answer, one row each: the subject (`status`, `header NAME`, a
    /// JSONPath, `regex PATTERN`, `body`, `time`, `size`) as the key, an operator and its operand as the
    /// value: an assertion (`equals 200`, `less_than 500`, `exists`) or a capture into the active
    /// environment (`set token`). Rows like the headers', for the reason `edit::signed_auth` gives: the page
    /// only carries them; `check::Check` is the typed view the runner and the tests tab read. One field for
    /// both, since each field of `Request` costs every bundle its serializer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<KeyValue>,
}

/// The body, in the mode the user picked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
// Read through a flat form, written by serde's derive: see `edit::tagged` for why.
#[serde(
    tag = "mode",
    rename_all = "snake_case",
    try_from = "super::tagged::BodyJson"
)]
pub enum Body {
    #[default]
    None,
    /// Text typed by the user; `language` decides the automatic Content-Type.
    Raw { language: RawLanguage, text: String },
    /// `application/x-www-form-urlencoded` fields.
    UrlEncoded { fields: Vec<KeyValue> },
    /// `multipart/form-data` parts: text fields and files.
    Multipart { parts: Vec<FormPart> },
    /// One file sent as the whole body.
    Binary { file: Option<FileRef> },
}

vocabulary!(
    /// What the raw text is, for its Content-Type and for validation.
    RawLanguage {
        Text => "text", "Text";
        Json => "json", "JSON";
        Xml => "xml", "XML";
        Html => "html", "HTML";
        // A GraphQL request as the JSON body it is (`{"query", "variables", "operationName"}`), edited by
        // the GraphQL bundle; on GET, prepare moves it into the URL's query.
        GraphQl => "graphql", "GraphQL";
    }
);

impl RawLanguage {
    pub fn content_type(self) -> &'static str {
        match self {
            RawLanguage::Text => "text/plain;charset=UTF-8",
            RawLanguage::Json | RawLanguage::GraphQl => "application/json",
            RawLanguage::Xml => "application/xml",
            RawLanguage::Html => "text/html;charset=UTF-8",
        }
    }
}

/// One multipart part: a text field, or a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "super::tagged::FormPartJson")]
pub struct FormPart {
    pub enabled: bool,
    pub name: String,
    #[serde(flatten)]
    pub value: PartValue,
    /// The part's own Content-Type (curl's `-F 'meta={};type=application/json'`, Postman's `contentType`).
    /// Empty: a text part goes without one, a file part with its file's type.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub content_type: String,
}

impl FormPart {
    /// An enabled text part without a Content-Type of its own.
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        FormPart {
            enabled: true,
            name: name.into(),
            value: PartValue::Text {
                value: value.into(),
            },
            content_type: String::new(),
        }
    }

    /// An enabled file part (`None`: the file is still to be chosen).
    pub fn file(name: impl Into<String>, file: Option<FileRef>) -> Self {
        FormPart {
            enabled: true,
            name: name.into(),
            value: PartValue::File { file },
            content_type: String::new(),
        }
    }
}

/// Written beside the part's own members (`FormPart` flattens it); read with them, see `edit::tagged`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PartValue {
    Text { value: String },
    File { file: Option<FileRef> },
}

/// A file the user picked. The bytes travel with the request in memory but are never serialized: request
/// JSON, share links and snippets refer to the file by name.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FileRef {
    pub name: String,
    #[serde(default)]
    pub content_type: String,
    #[serde(skip)]
    pub data: Option<std::sync::Arc<[u8]>>,
}

impl FileRef {
    pub fn new(name: impl Into<String>, content_type: impl Into<String>, data: Vec<u8>) -> Self {
        FileRef {
            name: name.into(),
            content_type: content_type.into(),
            data: Some(data.into()),
        }
    }

    /// The content type to send: the one the file came with, or the generic one for bytes.
    pub fn effective_content_type(&self) -> &str {
        if self.content_type.is_empty() {
            "application/octet-stream"
        } else {
            &self.content_type
        }
    }
}

impl PartialEq for FileRef {
    // Comparing the pointer, not the bytes: memoised UI state compares requests on every keystroke.
    fn eq(&self, other: &Self) -> bool {
        let same_data = match (&self.data, &other.data) {
            (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b) || a == b,
            (None, None) => true,
            _ => false,
        };
        self.name == other.name && self.content_type == other.content_type && same_data
    }
}

impl Eq for FileRef {}

/// How the request authenticates. `prepare` turns it into headers or query parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    try_from = "super::tagged::AuthJson"
)]
pub enum Auth {
    #[default]
    None,
    Basic {
        username: String,
        password: String,
    },
    Bearer {
        token: String,
    },
    ApiKey {
        name: String,
        value: String,
        location: ApiKeyLocation,
    },
    /// HTTP Digest (RFC 7616): the server's 401 challenge is answered with these.
    Digest {
        username: String,
        password: String,
    },
    /// AWS Signature Version 4, its settings as named parameters (`signed_auth::AwsSigV4` reads them).
    #[serde(rename = "aws_sigv4")]
    AwsSigV4 {
        params: Vec<KeyValue>,
    },
    /// OAuth 2.0, its settings as named parameters (`signed_auth::OAuth2` reads them).
    #[serde(rename = "oauth2")]
    OAuth2 {
        params: Vec<KeyValue>,
    },
}

vocabulary!(
    /// Where an API key goes.
    ApiKeyLocation {
        Header => "header", "Header";
        Query => "query", "Query parameter";
    }
);

/// fetch's request options that change what happens on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestOptions {
    /// Give up after this many milliseconds; `None` waits as long as the browser does.
    pub timeout_ms: Option<u32>,
    pub redirect: RedirectMode,
    pub credentials: CredentialsMode,
    pub cache: CacheMode,
}

// fetch's options: the wire names are the fetch standard's own; the labels are what the Options tab says.
vocabulary!(
    /// What fetch does with a 3xx answer.
    RedirectMode {
        Follow => "follow", "Follow";
        Manual => "manual", "Manual (do not follow)";
        Error => "error", "Error";
    }
);
vocabulary!(
    /// Whether cookies and HTTP auth entries go with the request.
    CredentialsMode {
        SameOrigin => "same-origin", "Same origin only";
        Omit => "omit", "Never";
        Include => "include", "Always (cookies to other sites too)";
    }
);
vocabulary!(
    /// How the request uses the browser's HTTP cache.
    CacheMode {
        Default => "default", "default";
        NoStore => "no-store", "no-store";
        Reload => "reload", "reload";
        NoCache => "no-cache", "no-cache";
        ForceCache => "force-cache", "force-cache";
        OnlyIfCached => "only-if-cached", "only-if-cached";
    }
);

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

/// The Variables tab: every environment, in order, and the one whose values apply (`None`: none do).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variables {
    pub environments: Vec<Environment>,
    pub active: Option<usize>,
}

impl Variables {
    /// The environment `{{name}}`s resolve against: the active one, or an empty one.
    pub fn active(&self) -> Environment {
        self.active
            .and_then(|i| self.environments.get(i))
            .cloned()
            .unwrap_or_default()
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
        let json = r#"{"method":"post","url":"http://h/x","headers":[{"key":"A","value":"1"}],
            "body":{"mode":"multipart","parts":[{"name":"f","kind":"file","file":{"name":"a.txt"}},
            {"name":"t","kind":"text","value":"v"}]},"auth":{"kind":"basic","username":"u"},
            "options":{"redirect":"manual","cache":"no-store"}}"#;
        let request: Request = serde_json::from_str(json).expect("valid request JSON");
        assert_eq!(request.method, Method::Post);
        assert!(request.headers[0].enabled, "rows default to enabled");
        assert_eq!(request.options.redirect, RedirectMode::Manual);
        assert_eq!(request.options.cache, CacheMode::NoStore);
        assert_eq!(request.options.credentials, CredentialsMode::SameOrigin);
        assert_eq!(
            request.auth,
            Auth::Basic {
                username: "u".into(),
                password: String::new()
            }
        );
        let Body::Multipart { parts } = &request.body else {
            panic!("multipart body expected, got {:?}", request.body);
        };
        assert_eq!(parts.len(), 2);
        assert!(parts[0].enabled);
        assert_eq!(parts[1].value, PartValue::Text { value: "v".into() });
        let back: Request =
            serde_json::from_str(&serde_json::to_string(&request).expect("serializes"))
                .expect("reads back");
        assert_eq!(back, request);
    }

    #[test]
    fn a_new_blank_row_is_switched_on() {
        assert!(KeyValue::default().enabled);
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

    #[test]
    fn the_active_environment_is_the_one_indexed_or_an_empty_one() {
        let named = |name: &str| Environment {
            name: name.into(),
            variables: vec![KeyValue::new("k", name)],
        };
        let variables = |active| Variables {
            environments: vec![named("dev"), named("prod")],
            active,
        };
        assert_eq!(variables(Some(1)).active(), named("prod"));
        assert_eq!(variables(None).active(), Environment::default());
        // An index past the list (a damaged draft) resolves nothing rather than failing.
        assert_eq!(variables(Some(2)).active(), Environment::default());
    }
}
