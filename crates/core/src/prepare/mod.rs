//! Prepare stage: turns the edited `Request` and its `Environment` into the `PreparedRequest` that goes on the
//! wire. The browser send and every snippet target read only this, so they cannot disagree.

mod auth;
mod graphql_get;
pub mod multipart;
pub mod url;
mod variables;

use auth::apply_auth;
use variables::Resolver;
pub use variables::{substitute, variables_in, variables_used};

use crate::edit::model::{
    ApiKeyLocation, Body, Environment, FileRef, KeyValue, Method, PartValue, Request,
    RequestOptions,
};
use crate::edit::query::{substitute_path_variables, url_with_more_query, url_with_query};
use crate::prepare::url::{Url, UrlError};
use thiserror::Error;

/// Exactly what is sent: final URL, effective headers in order (repeats kept), body, and the fetch options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    pub method: Method,
    pub url: Url,
    /// Every header the request sets, auth included. Multipart bodies have no Content-Type here: each client
    /// writes its own, with the boundary it picks.
    pub headers: Vec<(String, String)>,
    pub body: PreparedBody,
    /// Where the auth header or query parameter came from, so snippets can write it idiomatically
    /// (`auth=("user", "pass")` rather than a hand-made header).
    pub auth: PreparedAuth,
    pub options: RequestOptions,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreparedBody {
    None,
    /// Raw text, sent as UTF-8.
    Text(String),
    /// Form fields, sent `application/x-www-form-urlencoded` (see [`PreparedBody::url_encoded`]).
    UrlEncoded(Vec<(String, String)>),
    Multipart(Vec<PreparedPart>),
    /// A file's bytes as the whole body.
    File(FileRef),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedPart {
    pub name: String,
    pub value: PreparedPartValue,
    /// The Content-Type a text part is sent with (curl's `-F 'meta={};type=application/json'`); `None` for a
    /// plain form field. A file part's type is its `FileRef`'s, the part's own type already folded in.
    pub content_type: Option<String>,
}

impl PreparedPart {
    /// A text part without a Content-Type: a plain form field.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Self {
        PreparedPart {
            name: name.into(),
            value: PreparedPartValue::Text(text.into()),
            content_type: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreparedPartValue {
    Text(String),
    File(FileRef),
}

/// The resolved auth settings; the header or query parameter they produce is already in the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreparedAuth {
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
    /// Answered once the server's 401 names its challenge (`crate::auth::digest`).
    Digest {
        username: String,
        password: String,
    },
    /// Signed after prepare, over the request as sent (`crate::auth::sigv4`); the settings resolved, as
    /// `signed_auth::AwsSigV4` reads them.
    AwsSigV4 {
        params: Vec<KeyValue>,
    },
    /// The token is the auth bundle's to add (it obtains, keeps and refreshes it); the settings resolved,
    /// as `signed_auth::OAuth2` reads them.
    OAuth2 {
        params: Vec<KeyValue>,
    },
}

/// Response types that arrive as a stream of events or records, read as they come rather than as one body.
const STREAMED_TYPES: &[&str] = &[
    "text/event-stream",
    "application/x-ndjson",
    "application/jsonl",
    "application/json-seq",
];

impl PreparedRequest {
    /// True when the response is expected to stream: the Accept header names a streamed type (server-sent
    /// events, NDJSON, JSON Lines, JSON text sequences), or the JSON body asks for `"stream": true` at its top
    /// level, as LLM APIs take it. Snippets then read the response as it arrives, each the way its client does.
    pub fn expects_stream(&self) -> bool {
        let accepts_stream = self
            .headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("accept"))
            .flat_map(|(_, value)| value.split(','))
            .filter_map(|item| item.split(';').next())
            .any(|media| {
                STREAMED_TYPES
                    .iter()
                    .any(|t| media.trim().eq_ignore_ascii_case(t))
            });
        let asks_to_stream = match &self.body {
            PreparedBody::Text(text) => serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .is_some_and(|json| json.get("stream") == Some(&serde_json::Value::Bool(true))),
            _ => false,
        };
        accepts_stream || asks_to_stream
    }
}

impl PreparedBody {
    /// The form fields encoded as browsers encode `URLSearchParams` (space as `+`).
    pub fn url_encoded(fields: &[(String, String)]) -> String {
        fields
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The bytes that go on the wire, and the Content-Type the sender must add: only a multipart body's,
    /// whose boundary is chosen here (prepare leaves it out). A file whose bytes are not loaded is the error.
    pub fn wire(&self) -> Result<(Vec<u8>, Option<String>), &FileRef> {
        Ok(match self {
            PreparedBody::None => (Vec::new(), None),
            PreparedBody::Text(text) => (text.as_bytes().to_vec(), None),
            PreparedBody::UrlEncoded(fields) => (Self::url_encoded(fields).into_bytes(), None),
            PreparedBody::File(file) => (file.data.as_deref().ok_or(file)?.to_vec(), None),
            PreparedBody::Multipart(parts) => {
                let (content_type, bytes) = crate::prepare::multipart::encode(parts);
                (bytes, Some(content_type))
            }
        })
    }
}

/// `application/x-www-form-urlencoded` byte serializer (WHATWG URL standard).
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || b"*-._".contains(&b) => out.push(b as char),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The editor field a problem belongs to, so the UI can show the message next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Method,
    Url,
    Headers,
    Body,
    Auth,
    Variables,
}

/// Why a request cannot be sent as it stands. Each message says what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PrepareError {
    #[error("{0}")]
    Url(#[from] UrlError),
    #[error("\"{0}\" is not a valid method name: use letters, digits and !#$%&'*+-.^_`|~ only.")]
    InvalidMethod(String),
    #[error("Header row {row} has a value but no name.")]
    HeaderWithoutName { row: usize },
    #[error(
        "Header name \"{name}\" (row {row}) may only contain letters, digits and !#$%&'*+-.^_`|~."
    )]
    InvalidHeaderName { row: usize, name: String },
    #[error("The value of header \"{name}\" (row {row}) contains a line break or NUL, which HTTP forbids.")]
    InvalidHeaderValue { row: usize, name: String },
    #[error("A {0} request cannot carry a body in the browser: send it via reqlab-echo, copy a snippet (they send it as it is), or choose another method or no body.")]
    BodyNotAllowed(Method),
    /// Fetch's "bad ports": ports of other protocols, which browsers never connect to.
    #[error("Browsers refuse to connect to port {0}, which belongs to another protocol: send it via reqlab-echo, or copy a snippet.")]
    BlockedPort(u16),
    #[error("Form part {row} has a value but no name.")]
    PartWithoutName { row: usize },
    #[error("Form part {row} (\"{name}\") has no file: choose one or remove the part.")]
    PartWithoutFile { row: usize, name: String },
    #[error("The Content-Type of form part {row} (\"{name}\") contains a line break or NUL, which would end the part's headers.")]
    InvalidPartType { row: usize, name: String },
    #[error("The binary body has no file: choose one, or pick another body mode.")]
    BinaryWithoutFile,
    #[error(
        "The Basic auth user name cannot contain \":\" (the colon separates it from the password)."
    )]
    ColonInBasicUser,
    #[error("The API key needs a name: the header or query parameter to put it in.")]
    ApiKeyWithoutName,
    /// Sending `Bearer` with nothing after it is bound to fail (a shared link leaves the token out).
    #[error(
        "The Bearer token is empty: fill it in (a shared link leaves it out), or choose No auth."
    )]
    BearerWithoutToken,
    #[error("Auth: {0}")]
    AuthHeader(Box<PrepareError>),
    #[error("Unknown variable{}: {}. Define {} in the environment or remove the braces.",
        if .0.len() == 1 { "" } else { "s" },
        .0.iter().map(|n| format!("{{{{{n}}}}}")).collect::<Vec<_>>().join(", "),
        if .0.len() == 1 { "it" } else { "them" })]
    UnknownVariables(Vec<String>),
}

impl PrepareError {
    /// A rule of the browser's, not of HTTP: the same request goes out from a server (reqlab-echo's forward
    /// mode, or a snippet's program).
    pub fn is_browser_limit(&self) -> bool {
        matches!(
            self,
            PrepareError::BodyNotAllowed(_) | PrepareError::BlockedPort(_)
        )
    }

    pub fn field(&self) -> Field {
        match self {
            PrepareError::Url(_) | PrepareError::BlockedPort(_) => Field::Url,
            PrepareError::InvalidMethod(_) => Field::Method,
            PrepareError::HeaderWithoutName { .. }
            | PrepareError::InvalidHeaderName { .. }
            | PrepareError::InvalidHeaderValue { .. } => Field::Headers,
            PrepareError::BodyNotAllowed(_)
            | PrepareError::PartWithoutName { .. }
            | PrepareError::PartWithoutFile { .. }
            | PrepareError::InvalidPartType { .. }
            | PrepareError::BinaryWithoutFile => Field::Body,
            PrepareError::ColonInBasicUser
            | PrepareError::ApiKeyWithoutName
            | PrepareError::BearerWithoutToken
            | PrepareError::AuthHeader(_) => Field::Auth,
            PrepareError::UnknownVariables(_) => Field::Variables,
        }
    }
}

/// Who sends a prepared request: the browser's fetch, bound by its rules, or a server (reqlab-echo's
/// forward mode, the program a snippet becomes), which sends what HTTP allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
    Browser,
    Server,
}

/// The ports fetch never connects to (the fetch standard's "bad ports"): other protocols' well-known ports.
const BLOCKED_PORTS: &[u16] = &[
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101,
    102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427,
    465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990,
    993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667,
    6668, 6669, 6679, 6697, 10080,
];

/// Resolves variables, validates every part and computes the effective headers, URL and body, for the
/// browser to send.
pub fn prepare(request: &Request, env: &Environment) -> Result<PreparedRequest, PrepareError> {
    prepare_for(request, env, Sender::Browser)
}

/// As [`prepare`], for `sender`: a server is not held to the browser's limits (a body on GET or HEAD, a
/// blocked port). Inlined where it has one caller: the page's bundle (whose one caller is its prepared
/// request's memo) is smaller by 256 bytes gzip so.
#[inline]
pub fn prepare_for(
    request: &Request,
    env: &Environment,
    sender: Sender,
) -> Result<PreparedRequest, PrepareError> {
    let mut vars = Resolver::new(env);
    let resolved = vars.resolve_request(request);
    vars.finish()?;

    let method = Method::parse(&resolved.method);
    if !is_token(method.as_str()) {
        return Err(PrepareError::InvalidMethod(resolved.method));
    }
    let mut url_text = resolved.url;
    let mut body = resolved.body;
    // The query table, when there is one, is the truth: it also holds what the URL text cannot show.
    if !resolved.query.is_empty() {
        url_text = url_with_query(&url_text, &resolved.query);
    }
    let socket = ["ws://", "wss://"].iter().any(|scheme| {
        url_text
            .get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    });
    if method == Method::Get && !socket {
        if let Some(rows) = graphql_get::take_as_query(&mut body) {
            url_text = url_with_more_query(&url_text, &rows);
        }
    }
    url_text = substitute_path_variables(&url_text, &resolved.path_variables);
    let mut headers = effective_headers(&resolved.headers)?;
    let auth = apply_auth(resolved.auth, &mut headers, &mut url_text)?;
    let url = Url::parse(&url_text)?;
    // A WebSocket's body is its first message, which has no headers: the handshake gets no Content-Type.
    let body = prepare_body(body, &mut headers, !url.is_websocket())?;
    let prepared = PreparedRequest {
        method,
        url,
        headers,
        body,
        auth,
        options: request.options.clone(),
    };
    match (sender, browser_limit(&prepared)) {
        (Sender::Browser, Some(limit)) => Err(limit),
        _ => Ok(prepared),
    }
}

/// The browser's rule a prepared request breaks, if any: a body on GET or HEAD, or a blocked port. A
/// server sends it all the same.
pub fn browser_limit(prepared: &PreparedRequest) -> Option<PrepareError> {
    // A WebSocket's body is its first message, sent after the handshake, never in it.
    if prepared.body != PreparedBody::None
        && matches!(prepared.method, Method::Get | Method::Head)
        && !prepared.url.is_websocket()
    {
        return Some(PrepareError::BodyNotAllowed(prepared.method.clone()));
    }
    let port = prepared
        .url
        .port
        .filter(|port| BLOCKED_PORTS.contains(port))?;
    Some(PrepareError::BlockedPort(port))
}

/// True when a header of that name (any case) is present.
pub fn has_header(headers: &[(String, String)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn effective_headers(rows: &[KeyValue]) -> Result<Vec<(String, String)>, PrepareError> {
    let mut headers = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        if !row.enabled {
            continue;
        }
        if let Some(header) = check_header(index + 1, &row.key, &row.value)? {
            headers.push(header);
        }
    }
    Ok(headers)
}

/// A valid `(name, value)`, `None` for a blank row, or why the row cannot be sent.
fn check_header(
    row: usize,
    key: &str,
    value: &str,
) -> Result<Option<(String, String)>, PrepareError> {
    let name = key.trim();
    // Browsers and HTTP clients strip surrounding whitespace from values; doing it here keeps the snippets
    // identical to what the browser sends.
    let value = value.trim_matches([' ', '\t']);
    if name.is_empty() {
        if value.is_empty() {
            return Ok(None); // the blank row an editor keeps at the bottom
        }
        return Err(PrepareError::HeaderWithoutName { row });
    }
    let name_owned = || name.to_string();
    if !is_token(name) {
        return Err(PrepareError::InvalidHeaderName {
            row,
            name: name_owned(),
        });
    }
    if value.contains(['\r', '\n', '\0']) {
        return Err(PrepareError::InvalidHeaderValue {
            row,
            name: name_owned(),
        });
    }
    // A value outside ASCII is kept: curl and the snippets send its UTF-8 bytes, a browser its Latin-1 ones
    // (see `http::headers::value_bytes`), and the editor says which.
    Ok(Some((name.to_string(), value.to_string())))
}

/// The body to send, with its Content-Type added (when `typed`) unless the user set one.
fn prepare_body(
    body: Body,
    headers: &mut Vec<(String, String)>,
    typed: bool,
) -> Result<PreparedBody, PrepareError> {
    let (prepared, content_type) = match body {
        Body::None => (PreparedBody::None, None),
        Body::Raw { text, .. } if text.is_empty() => (PreparedBody::None, None),
        Body::Raw { language, text } => (
            PreparedBody::Text(text),
            Some(language.content_type().to_string()),
        ),
        Body::UrlEncoded { fields } => {
            let pairs: Vec<(String, String)> = fields
                .into_iter()
                .filter(|f| f.enabled && !(f.key.is_empty() && f.value.is_empty()))
                .map(|f| (f.key, f.value))
                .collect();
            if pairs.is_empty() {
                (PreparedBody::None, None)
            } else {
                let content_type = "application/x-www-form-urlencoded".to_string();
                (PreparedBody::UrlEncoded(pairs), Some(content_type))
            }
        }
        Body::Multipart { parts } => {
            let mut prepared = Vec::new();
            for (index, part) in parts.into_iter().enumerate() {
                let row = index + 1;
                if !part.enabled {
                    continue;
                }
                let own_type = part.content_type.trim();
                if own_type.contains(['\r', '\n', '\0']) {
                    return Err(PrepareError::InvalidPartType {
                        row,
                        name: part.name,
                    });
                }
                let own_type = (!own_type.is_empty()).then(|| own_type.to_string());
                let (value, content_type) = match part.value {
                    PartValue::Text { value } if part.name.is_empty() && value.is_empty() => {
                        continue
                    }
                    PartValue::Text { value } => (PreparedPartValue::Text(value), own_type),
                    PartValue::File {
                        file: Some(mut file),
                    } => {
                        if let Some(own_type) = own_type {
                            file.content_type = own_type;
                        }
                        (PreparedPartValue::File(file), None)
                    }
                    PartValue::File { file: None } => {
                        return Err(PrepareError::PartWithoutFile {
                            row,
                            name: part.name,
                        })
                    }
                };
                if part.name.is_empty() {
                    return Err(PrepareError::PartWithoutName { row });
                }
                prepared.push(PreparedPart {
                    name: part.name,
                    value,
                    content_type,
                });
            }
            // No Content-Type: only the client knows the boundary it will use.
            (PreparedBody::Multipart(prepared), None)
        }
        Body::Binary { file: Some(file) } => {
            let content_type = file.effective_content_type().to_string();
            (PreparedBody::File(file), Some(content_type))
        }
        Body::Binary { file: None } => return Err(PrepareError::BinaryWithoutFile),
    };
    if let Some(content_type) = content_type.filter(|_| typed) {
        if !has_header(headers, "content-type") {
            headers.push(("Content-Type".to_string(), content_type));
        }
    }
    Ok(prepared)
}

/// An HTTP token (RFC 9110 section 5.6.2): what method and header names are made of.
pub fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod stream_tests {
    use super::*;

    fn prepared(headers: &[(&str, &str)], body: Option<&str>) -> PreparedRequest {
        PreparedRequest {
            method: Method::Post,
            url: Url::parse("http://h/").expect("parses"),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.map_or(PreparedBody::None, |b| PreparedBody::Text(b.to_string())),
            auth: PreparedAuth::None,
            options: RequestOptions::default(),
        }
    }

    #[test]
    fn a_streamed_accept_type_or_a_top_level_stream_true_expects_a_stream() {
        let cases = [
            (vec![("Accept", "text/event-stream")], None, true),
            (
                vec![("accept", "text/html, Application/X-NDJSON;q=0.9")],
                None,
                true,
            ),
            (vec![("Accept", "application/jsonl")], None, true),
            (vec![("Accept", "application/json-seq")], None, true),
            (vec![("Accept", "application/json")], None, false),
            (vec![("X-Accept", "text/event-stream")], None, false),
            (vec![], Some(r#"{"model": "m", "stream": true}"#), true),
            (vec![], Some(r#"{"stream": false}"#), false),
            (vec![], Some(r#"{"stream": "true"}"#), false),
            (vec![], Some(r#"{"options": {"stream": true}}"#), false),
            (vec![], Some(r#"[{"stream": true}]"#), false),
            (vec![], Some("stream: true"), false),
        ];
        for (headers, body, expected) in cases {
            assert_eq!(
                prepared(&headers, body).expects_stream(),
                expected,
                "{headers:?} {body:?}"
            );
        }
    }
}
