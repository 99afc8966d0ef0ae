//! Snippet stage, Python targets (`python-requests`, `python-http-client`, `python-urllib3`, `python-httpx`,
//! `python-gql`), and
//! what they share: header values as UTF-8 bytes, text parts for `files=`, UTF-8 Basic credentials, and the
//! browser's form encoding. `websocket` holds the WebSocket code `python-requests` writes for a `ws://` URL.

#[cfg(feature = "graphql")]
pub mod gql;
pub mod http_client;
pub mod httpx;
pub mod requests;
pub mod urllib3;

mod websocket;

use crate::prepare::PreparedBody;
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;

/// A header value as a Python expression: a `str` when ASCII, otherwise its UTF-8 bytes, because the Python
/// clients encode a `str` value as Latin-1 (http.client, requests, urllib3; failing on characters beyond it)
/// or ASCII (httpx), where curl sends UTF-8. All four send `bytes` as they are.
pub(crate) fn header_value(value: &str) -> String {
    if value.is_ascii() {
        python_str(value)
    } else {
        format!("{}.encode(\"utf-8\")", python_str(value))
    }
}

/// A text part as requests' and httpx's `files=` take it: `(None, value)`, or `(None, value, type)` with a
/// Content-Type of its own (no file name either way).
pub(crate) fn text_part(value: &str, content_type: Option<&str>) -> String {
    match content_type {
        Some(content_type) => format!(
            "(None, {}, {})",
            python_str(value),
            python_str(content_type)
        ),
        None => format!("(None, {})", python_str(value)),
    }
}

/// `credentials = base64.b64encode(...)`: the Basic credentials as UTF-8, as browsers send them (Python's
/// helpers that take `str` credentials encode them as Latin-1).
pub(crate) fn credentials_line(username: &str, password: &str, code: &mut CodeBuilder) {
    code.line(
        0,
        format!(
            "credentials = base64.b64encode({}.encode(\"utf-8\")).decode(\"ascii\")",
            python_str(&format!("{username}:{password}"))
        ),
    );
}

/// Python's `urlencode` escapes `*` and leaves `~`, where browsers do the opposite: when a field holds either,
/// the browser's encoding as a literal; otherwise `None`, and `urlencode` gives the same bytes.
pub(crate) fn browser_form_encoding(fields: &[(String, String)]) -> Option<String> {
    fields
        .iter()
        .any(|(k, v)| k.contains(['*', '~']) || v.contains(['*', '~']))
        .then(|| python_str(&PreparedBody::url_encoded(fields)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only http.client cannot do what the browser does with redirects; the other Python clients can.
    #[test]
    fn python_targets_warn_only_where_they_differ() {
        let cases = [
            (r#"{"url": "http://h/"}"#, "python-http-client", true),
            (
                r#"{"url": "http://h/", "options": {"redirect": "manual"}}"#,
                "python-http-client",
                false,
            ),
            (
                r#"{"url": "http://h/", "options": {"redirect": "error"}}"#,
                "python-urllib3",
                false,
            ),
            (
                r#"{"url": "http://h/", "options": {"redirect": "error"}}"#,
                "python-httpx",
                false,
            ),
        ];
        for (json, target, warns) in cases {
            let snippet = crate::snippet::tests::generate_from_json(target, json);
            assert_eq!(
                !snippet.warnings.is_empty(),
                warns,
                "{target} {json}: {:?}",
                snippet.warnings
            );
        }
    }

    #[test]
    fn form_fields_python_encodes_differently_are_sent_as_browsers_encode_them() {
        let field = |k: &str, v: &str| vec![(k.to_string(), v.to_string())];
        let cases = [
            (field("a", "b c"), None),
            (field("glob", "*.txt"), Some(r#""glob=*.txt""#)),
            (field("home~", "x"), Some(r#""home%7E=x""#)),
        ];
        for (fields, expected) in cases {
            assert_eq!(browser_form_encoding(&fields).as_deref(), expected);
        }
    }
}
