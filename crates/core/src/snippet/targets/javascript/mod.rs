//! Snippet stage, JavaScript targets, in the browser (`js-fetch`, `js-xhr`, `js-jquery`) and in Node
//! (`node-fetch`, `node-axios`, `node-http`), and what they share: where the snippet runs, header values and
//! Basic credentials as JavaScript expressions, and what a page cannot send as written. The body helpers
//! are in `body`, the fetch call both fetch targets write in `fetch_call`, their WebSocket code in `websocket`.

pub mod axios;
pub mod browser_fetch;
pub mod jquery;
pub mod node_fetch;
pub mod node_http;
pub mod xhr;

mod body;
mod fetch_call;
mod websocket;

use crate::edit::model::{CacheMode, CredentialsMode, Method, RedirectMode};
use crate::http::headers::{name_note, value_bytes, ValueBytes};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::quote::javascript::js_str;

/// Where a JavaScript snippet runs, which decides how it reads files and encodes credentials.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Runtime {
    /// Node 20, as an ES module: files are read from paths relative to the working directory.
    Node,
    /// A page: files come from its `<input type="file">`, as a page cannot read paths.
    Browser,
}

/// The request's headers as `(name, JavaScript expression)`, with a Basic Authorization header computed from
/// the credentials, so the snippet shows them rather than their base64.
pub(crate) fn header_expressions(
    request: &PreparedRequest,
    runtime: Runtime,
) -> Vec<(String, String)> {
    request
        .headers
        .iter()
        .map(|(name, value)| match &request.auth {
            PreparedAuth::Basic { username, password }
                if name.eq_ignore_ascii_case("authorization") =>
            {
                (name.clone(), basic_expression(username, password, runtime))
            }
            _ => (name.clone(), header_value(value, runtime)),
        })
        .collect()
}

/// The request's headers as `(name, JavaScript expression)` for the Node clients that take Basic credentials
/// as their `auth` option (axios, node:http), so the Authorization header made from them is left out.
pub(crate) fn auth_option_header_expressions(request: &PreparedRequest) -> Vec<(String, String)> {
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    request
        .headers
        .iter()
        .filter(|(name, _)| !(basic && name.eq_ignore_ascii_case("authorization")))
        .map(|(name, value)| (name.clone(), header_value(value, Runtime::Node)))
        .collect()
}

/// A header value as a JavaScript expression that sends its UTF-8 bytes, as curl does. Browsers and Node
/// write a header string one byte a character (Latin-1), and refuse characters above U+00FF; so a value
/// outside ASCII is passed as the string whose characters are its UTF-8 bytes.
pub(crate) fn header_value(value: &str, runtime: Runtime) -> String {
    if value.is_ascii() {
        return js_str(value);
    }
    match runtime {
        Runtime::Node => format!("Buffer.from({}).toString(\"latin1\")", js_str(value)),
        Runtime::Browser => format!(
            "String.fromCharCode(...new TextEncoder().encode({}))",
            js_str(value)
        ),
    }
}

/// The comment above headers written by `header_value` as their UTF-8 bytes, when a value is not ASCII.
pub(crate) fn utf8_headers_comment(
    headers: &[(String, String)],
    runtime: Runtime,
) -> Option<&'static str> {
    headers.iter().any(|(_, v)| !v.is_ascii()).then_some(match runtime {
        Runtime::Node => {
            "// Node sends a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes."
        }
        Runtime::Browser => {
            "// Browsers send a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes."
        }
    })
}

/// `"Basic " + base64(user:password)`, the credentials encoded as UTF-8 as browsers send them (`btoa` alone
/// takes Latin-1).
pub(crate) fn basic_expression(username: &str, password: &str, runtime: Runtime) -> String {
    let credentials = js_str(&format!("{username}:{password}"));
    match runtime {
        Runtime::Node => format!("\"Basic \" + Buffer.from({credentials}).toString(\"base64\")"),
        Runtime::Browser if username.is_ascii() && password.is_ascii() => {
            format!("\"Basic \" + btoa({credentials})")
        }
        Runtime::Browser => format!(
            "\"Basic \" + btoa(String.fromCharCode(...new TextEncoder().encode({credentials})))"
        ),
    }
}

/// Header names with their values in order, names compared case-insensitively (the first spelling is kept).
pub(crate) fn grouped<V: Clone>(headers: &[(String, V)]) -> Vec<(String, Vec<V>)> {
    let mut groups: Vec<(String, Vec<V>)> = Vec::new();
    for (name, value) in headers {
        match groups
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((_, values)) => values.push(value.clone()),
            None => groups.push((name.clone(), vec![value.clone()])),
        }
    }
    groups
}

/// What a page cannot send as written: headers the browser refuses or replaces.
pub(crate) fn browser_warnings(request: &PreparedRequest) -> Vec<String> {
    let mut warnings = Vec::new();
    for (name, _) in grouped(&request.headers) {
        if name_note(&name).is_none() {
            continue;
        }
        warnings.push(if name.eq_ignore_ascii_case("user-agent") {
            "Chrome ignores the User-Agent a page sets and sends its own (Firefox sends this one)."
                .to_string()
        } else {
            format!("Browsers refuse to let a page set {name}: it is not sent as written here.")
        });
    }
    warnings.extend(browser_utf8_note(&request.headers));
    warnings
}

/// What a page would do with header values outside ASCII typed as they are, and what this snippet does
/// instead (see `header_value`).
fn browser_utf8_note(headers: &[(String, String)]) -> Option<String> {
    let typed_as_is: Vec<String> = headers
        .iter()
        .filter_map(|(name, value)| match value_bytes(value) {
            ValueBytes::Ascii => None,
            ValueBytes::Latin1 => Some(format!(
                "\"{name}\" would go out as Latin-1 (é as E9, not C3 A9)"
            )),
            ValueBytes::BeyondLatin1(c) => Some(format!(
                "\"{name}\" would throw a TypeError (\"{c}\" is beyond U+00FF)"
            )),
        })
        .collect();
    if typed_as_is.is_empty() {
        return None;
    }
    Some(format!(
        "A browser sends a header value as Latin-1, one byte a character, and refuses characters beyond \
         U+00FF: typed as they are, {}. This snippet passes each value's UTF-8 bytes as those characters, so \
         the server gets UTF-8, as from curl, forward mode and the other snippets (the app sending from the \
         page does not).",
        typed_as_is.join("; ")
    ))
}

/// What `XMLHttpRequest` (and jQuery, built on it) cannot do that fetch can.
pub(crate) fn xhr_option_warnings(request: &PreparedRequest, client: &str) -> Vec<String> {
    let mut warnings = Vec::new();
    if matches!(request.method, Method::Connect | Method::Trace)
        || request.method.as_str().eq_ignore_ascii_case("track")
    {
        warnings.push(format!(
            "Browsers refuse the {} method: {client} throws instead of sending it.",
            request.method.as_str()
        ));
    }
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual | RedirectMode::Error => warnings.push(format!(
            "{client} always follows redirects: it cannot return or refuse the 3xx response as fetch's redirect: \"{}\" does.",
            request.options.redirect.as_str()
        )),
    }
    if request.options.credentials == CredentialsMode::Omit {
        warnings.push(format!(
            "{client} always sends cookies to the page's own origin: it has no credentials: \"omit\"."
        ));
    }
    if let PreparedBody::Text(_) = request.body {
        let charset = request.headers.iter().find_map(|(name, value)| {
            if !name.eq_ignore_ascii_case("content-type") {
                return None;
            }
            let start = value.to_ascii_lowercase().find("charset=")? + "charset=".len();
            value[start..].split(';').next().map(str::trim)
        });
        if let Some(charset) = charset.filter(|c| *c != "UTF-8") {
            warnings.push(format!(
                "Chrome's {client} sends a text body's Content-Type with charset={charset} rewritten to charset=UTF-8 (the body is UTF-8 either way)."
            ));
        }
    }
    if request.options.cache != CacheMode::default() {
        warnings.push(format!(
            "{client} has no cache option: the browser's default caching applies instead of cache: \"{}\".",
            request.options.cache.as_str()
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_utf8_in_every_runtime() {
        let cases = [
            (
                Runtime::Node,
                "u",
                "p",
                r#""Basic " + Buffer.from("u:p").toString("base64")"#,
            ),
            (Runtime::Browser, "u", "p", r#""Basic " + btoa("u:p")"#),
            (
                Runtime::Browser,
                "u",
                "ü",
                r#""Basic " + btoa(String.fromCharCode(...new TextEncoder().encode("u:ü")))"#,
            ),
        ];
        for (runtime, user, password, expected) in cases {
            assert_eq!(basic_expression(user, password, runtime), expected);
        }
    }

    /// Each JavaScript target warns where it cannot send what the browser app sends, and only there.
    #[test]
    fn javascript_targets_warn_where_they_differ() {
        let cases = [
            (
                r#"{"url": "http://h/", "headers": [{"key": "User-Agent", "value": "x"}]}"#,
                "js-fetch",
                Some("User-Agent"),
            ),
            (
                r#"{"url": "http://h/", "headers": [{"key": "User-Agent", "value": "x"}]}"#,
                "node-fetch",
                None,
            ),
            (
                r#"{"url": "http://h/", "headers": [{"key": "Cookie", "value": "a=1"}]}"#,
                "js-xhr",
                Some("refuse to let a page set Cookie"),
            ),
            (
                r#"{"url": "http://h/", "options": {"redirect": "manual"}}"#,
                "js-fetch",
                Some("opaque response"),
            ),
            (
                r#"{"url": "http://h/", "options": {"redirect": "manual"}}"#,
                "js-jquery",
                Some("always follows redirects"),
            ),
            (
                r#"{"url": "http://h/", "options": {"redirect": "manual"}}"#,
                "node-http",
                None,
            ),
            (
                r#"{"url": "http://h/"}"#,
                "node-http",
                Some("never follows redirects"),
            ),
            (r#"{"url": "http://h/"}"#, "node-axios", None),
            (
                r#"{"method": "TRACE", "url": "http://h/"}"#,
                "node-fetch",
                Some("refuses the TRACE method"),
            ),
            (
                r#"{"method": "propfind", "url": "http://h/"}"#,
                "node-axios",
                Some("sends PROPFIND"),
            ),
            (
                r#"{"method": "POST", "url": "http://h/", "headers": [{"key": "Content-Type", "value": "text/plain; charset=utf-8"}], "body": {"mode": "raw", "language": "text", "text": "x"}}"#,
                "js-xhr",
                Some("charset=UTF-8"),
            ),
            (
                r#"{"url": "http://h/", "headers": [{"key": "X-Note", "value": "ok ✓"}]}"#,
                "js-fetch",
                Some("\"X-Note\" would throw a TypeError (\"✓\" is beyond U+00FF)"),
            ),
            (
                r#"{"url": "http://h/", "headers": [{"key": "X-Latin", "value": "naïve"}]}"#,
                "js-jquery",
                Some("\"X-Latin\" would go out as Latin-1"),
            ),
            (
                r#"{"url": "http://h/", "headers": [{"key": "X-Latin", "value": "naïve"}]}"#,
                "node-http",
                Some("http sends the value of \"X-Latin\" as UTF-8 bytes"),
            ),
            (
                r#"{"method": "POST", "url": "http://h/", "body": {"mode": "multipart", "parts": [{"name": "m", "kind": "text", "value": "{}", "content_type": "application/json"}]}}"#,
                "js-xhr",
                None,
            ),
        ];
        for (json, target, expected) in cases {
            let snippet = crate::snippet::tests::generate_from_json(target, json);
            match expected {
                Some(part) => assert!(
                    snippet.warnings.iter().any(|w| w.contains(part)),
                    "{target} {json}: expected a warning with {part:?}, got {:?}",
                    snippet.warnings
                ),
                None => assert!(
                    snippet.warnings.is_empty(),
                    "{target} {json}: {:?}",
                    snippet.warnings
                ),
            }
        }
    }

    #[test]
    fn header_values_outside_ascii_are_passed_as_their_utf8_bytes() {
        let cases = [
            ("plain", Runtime::Browser, r#""plain""#),
            ("plain", Runtime::Node, r#""plain""#),
            (
                "café ✓",
                Runtime::Browser,
                r#"String.fromCharCode(...new TextEncoder().encode("café ✓"))"#,
            ),
            (
                "café ✓",
                Runtime::Node,
                r#"Buffer.from("café ✓").toString("latin1")"#,
            ),
        ];
        for (value, runtime, expected) in cases {
            assert_eq!(header_value(value, runtime), expected, "{value:?}");
        }
    }

    #[test]
    fn grouping_keeps_first_spelling_and_order() {
        let headers: Vec<(String, String)> = [("X-Tag", "a"), ("B", "1"), ("x-tag", "b")]
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        let groups = grouped(&headers);
        assert_eq!(
            groups,
            vec![
                ("X-Tag".to_string(), vec!["a".to_string(), "b".to_string()]),
                ("B".to_string(), vec!["1".to_string()]),
            ]
        );
    }
}
