//! Prepare stage: turns the edited `Request` and its `Environment` into the `PreparedRequest` that goes on the
//! wire. The browser send and every snippet target read only this, so they cannot disagree.

use crate::model::{Environment, Method, Request};
use crate::url::{Url, UrlError};
use thiserror::Error;

/// Exactly what is sent: final URL, effective headers in order (repeats kept), body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: PreparedBody,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreparedBody {
    None,
    Text(String),
}

/// The content type browsers give a string body when the request names none; prepare writes it out so the
/// snippets send the same header as the app.
pub const DEFAULT_TEXT_CONTENT_TYPE: &str = "text/plain;charset=UTF-8";

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
    #[error("The value of header \"{name}\" (row {row}) contains \"{ch}\": header values must be ASCII, because browsers send other characters as Latin-1 and most clients as UTF-8. Percent-encode it.")]
    NonAsciiHeaderValue { row: usize, name: String, ch: char },
    #[error("A {0} request cannot carry a body in the browser: choose another method or clear the body.")]
    BodyNotAllowed(Method),
    #[error("Unknown variable{}: {}. Define {} in the environment or remove the braces.",
        if .0.len() == 1 { "" } else { "s" },
        .0.iter().map(|n| format!("{{{{{n}}}}}")).collect::<Vec<_>>().join(", "),
        if .0.len() == 1 { "it" } else { "them" })]
    UnknownVariables(Vec<String>),
}

/// Resolves variables, validates every part and computes the effective headers.
pub fn prepare(request: &Request, env: &Environment) -> Result<PreparedRequest, PrepareError> {
    let mut vars = Resolver::new(env);
    let method_name = vars.resolve(request.method.as_str());
    let url_text = vars.resolve(&request.url);
    let rows: Vec<(usize, String, String)> = request
        .headers
        .iter()
        .enumerate()
        .filter(|(_, row)| row.enabled)
        .map(|(i, row)| (i + 1, vars.resolve(&row.key), vars.resolve(&row.value)))
        .collect();
    let body = vars.resolve(&request.body);
    vars.finish()?;

    let method = Method::parse(&method_name);
    if !is_token(method.as_str()) {
        return Err(PrepareError::InvalidMethod(method_name));
    }
    let url = Url::parse(&url_text)?;
    let mut headers = effective_headers(rows)?;
    let body = if body.is_empty() {
        PreparedBody::None
    } else {
        if matches!(method, Method::Get | Method::Head) {
            return Err(PrepareError::BodyNotAllowed(method));
        }
        if !has_header(&headers, "content-type") {
            headers.push((
                "Content-Type".to_string(),
                DEFAULT_TEXT_CONTENT_TYPE.to_string(),
            ));
        }
        PreparedBody::Text(body)
    };
    Ok(PreparedRequest {
        method,
        url,
        headers,
        body,
    })
}

/// True when a header of that name (any case) is present.
pub fn has_header(headers: &[(String, String)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn effective_headers(
    rows: Vec<(usize, String, String)>,
) -> Result<Vec<(String, String)>, PrepareError> {
    let mut headers = Vec::with_capacity(rows.len());
    for (row, key, value) in rows {
        let name = key.trim();
        // Browsers and HTTP clients strip surrounding whitespace from values; doing it here keeps the
        // snippets identical to what the browser sends.
        let value = value.trim_matches([' ', '\t']);
        if name.is_empty() {
            if value.is_empty() {
                continue; // the blank row an editor keeps at the bottom
            }
            return Err(PrepareError::HeaderWithoutName { row });
        }
        if !is_token(name) {
            return Err(PrepareError::InvalidHeaderName {
                row,
                name: name.to_string(),
            });
        }
        if value.contains(['\r', '\n', '\0']) {
            return Err(PrepareError::InvalidHeaderValue {
                row,
                name: name.to_string(),
            });
        }
        if let Some(ch) = value.chars().find(|c| !c.is_ascii()) {
            return Err(PrepareError::NonAsciiHeaderValue {
                row,
                name: name.to_string(),
                ch,
            });
        }
        headers.push((name.to_string(), value.to_string()));
    }
    Ok(headers)
}

/// An HTTP token (RFC 9110 section 5.6.2): what method and header names are made of.
pub fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Replaces `{{name}}` with environment values and remembers every name it could not resolve, so one error
/// can list them all.
struct Resolver<'a> {
    env: &'a Environment,
    unknown: Vec<String>,
}

impl<'a> Resolver<'a> {
    fn new(env: &'a Environment) -> Self {
        Resolver {
            env,
            unknown: Vec::new(),
        }
    }

    fn resolve(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let Some(len) = rest[start + 2..].find("}}") else {
                break; // an unclosed `{{` is plain text
            };
            let name = rest[start + 2..start + 2 + len].trim();
            out.push_str(&rest[..start]);
            match self.env.lookup(name) {
                Some(value) => out.push_str(value),
                None => {
                    if !self.unknown.iter().any(|n| n == name) {
                        self.unknown.push(name.to_string());
                    }
                    out.push_str(&rest[start..start + 4 + len]);
                }
            }
            rest = &rest[start + 4 + len..];
        }
        out.push_str(rest);
        out
    }

    fn finish(self) -> Result<(), PrepareError> {
        if self.unknown.is_empty() {
            Ok(())
        } else {
            Err(PrepareError::UnknownVariables(self.unknown))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KeyValue;

    fn request(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Request {
        Request {
            method: Method::parse(method),
            url: url.into(),
            headers: headers.iter().map(|(k, v)| KeyValue::new(*k, *v)).collect(),
            body: body.into(),
        }
    }

    #[test]
    fn keeps_header_order_and_repeats_and_skips_disabled_and_blank_rows() {
        let mut req = request(
            "GET",
            "http://h/",
            &[("X-A", "1"), ("X-B", " 2 "), ("x-a", "3"), ("", "")],
            "",
        );
        req.headers.push(KeyValue {
            enabled: false,
            ..KeyValue::new("X-Off", "no")
        });
        let prepared = prepare(&req, &Environment::default()).expect("valid");
        let expected = [("X-A", "1"), ("X-B", "2"), ("x-a", "3")];
        let got: Vec<(&str, &str)> = prepared
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, expected);
        assert_eq!(prepared.body, PreparedBody::None);
    }

    #[test]
    fn a_text_body_gets_the_browser_default_content_type_unless_one_is_set() {
        let env = Environment::default();
        let plain = prepare(&request("POST", "http://h/", &[], "hi"), &env).expect("valid");
        assert_eq!(
            plain.headers,
            vec![("Content-Type".into(), DEFAULT_TEXT_CONTENT_TYPE.into())]
        );
        let json = prepare(
            &request(
                "POST",
                "http://h/",
                &[("content-type", "application/json")],
                "{}",
            ),
            &env,
        )
        .expect("valid");
        assert_eq!(json.headers.len(), 1);
        assert_eq!(json.body, PreparedBody::Text("{}".into()));
    }

    #[test]
    fn resolves_variables_everywhere_and_names_every_unknown_one() {
        let mut env = Environment::default();
        env.variables.push(KeyValue::new("host", "example.com"));
        env.variables.push(KeyValue::new("token", "abc"));
        let req = request(
            "POST",
            "https://{{host}}/x",
            &[("Authorization", "Bearer {{ token }}")],
            "{{host}}",
        );
        let prepared = prepare(&req, &env).expect("valid");
        assert_eq!(prepared.url.to_string(), "https://example.com/x");
        assert_eq!(prepared.headers[0].1, "Bearer abc");
        assert_eq!(prepared.body, PreparedBody::Text("example.com".into()));

        let req = request("GET", "https://{{a}}/{{b}}/{{a}}", &[], "");
        let err = prepare(&req, &env).expect_err("unknown variables");
        assert_eq!(
            err,
            PrepareError::UnknownVariables(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            err.to_string(),
            "Unknown variables: {{a}}, {{b}}. Define them in the environment or remove the braces."
        );
    }

    #[test]
    fn rejects_what_the_browser_would_refuse() {
        let env = Environment::default();
        let cases = [
            (
                request("GE T", "http://h/", &[], ""),
                PrepareError::InvalidMethod("GE T".into()),
            ),
            (
                request("GET", "http://h/", &[("", "v")], ""),
                PrepareError::HeaderWithoutName { row: 1 },
            ),
            (
                request("GET", "http://h/", &[("A", "1"), ("Bad Name", "v")], ""),
                PrepareError::InvalidHeaderName {
                    row: 2,
                    name: "Bad Name".into(),
                },
            ),
            (
                request("GET", "http://h/", &[("X", "a\r\nInjected: 1")], ""),
                PrepareError::InvalidHeaderValue {
                    row: 1,
                    name: "X".into(),
                },
            ),
            (
                request("GET", "http://h/", &[("X", "caf\u{e9}")], ""),
                PrepareError::NonAsciiHeaderValue {
                    row: 1,
                    name: "X".into(),
                    ch: '\u{e9}',
                },
            ),
            (
                request("GET", "http://h/", &[], "body"),
                PrepareError::BodyNotAllowed(Method::Get),
            ),
            (
                request("GET", "nohost", &[], ""),
                PrepareError::Url(UrlError::MissingScheme),
            ),
        ];
        for (req, expected) in cases {
            assert_eq!(prepare(&req, &env), Err(expected));
        }
    }

    #[test]
    fn unclosed_braces_are_literal_text() {
        let req = request("GET", "http://h/?q={{x", &[], "");
        let prepared = prepare(&req, &Environment::default()).expect("valid");
        assert_eq!(prepared.url.to_string(), "http://h/?q=%7B%7Bx");
    }
}
