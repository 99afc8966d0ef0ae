//! Snippet target `js-fetch`: the browser's `fetch`, as a module script (top-level `await`). Also holds what
//! the other JavaScript targets share: the fetch call itself (`node-fetch` differs only in where files come
//! from), header grouping, Basic credentials, and the page's file input.

use crate::edit::model::{CacheMode, CredentialsMode, FileRef, Method, RedirectMode};
use crate::http::headers::{name_note, value_bytes, ValueBytes};
use crate::prepare::multipart::{multipart_boundary, multipart_pieces, Piece};
use crate::prepare::{
    PreparedAuth, PreparedBody, PreparedPart, PreparedPartValue, PreparedRequest,
};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::{Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    fetch_snippet(request, options, Runtime::Browser)
}

/// Where a JavaScript snippet runs, which decides how it reads files and encodes credentials.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Runtime {
    /// Node 20, as an ES module: files are read from paths relative to the working directory.
    Node,
    /// A page: files come from its `<input type="file">`, as a page cannot read paths.
    Browser,
}

/// The fetch call for either runtime.
pub(crate) fn fetch_snippet(
    request: &PreparedRequest,
    options: &Options,
    runtime: Runtime,
) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let files = FileInputs::of(&request.body);
    match runtime {
        Runtime::Node if !files.names.is_empty() => {
            code.line(0, "import { readFile } from \"node:fs/promises\";")
                .blank();
        }
        Runtime::Node => {}
        Runtime::Browser => {
            warnings.extend(browser_warnings(request));
            files.declare(&mut code);
        }
    }
    if matches!(request.method, Method::Connect | Method::Trace)
        || request.method.as_str().eq_ignore_ascii_case("track")
    {
        warnings.push(format!(
            "fetch refuses the {} method: this snippet throws a TypeError instead of sending it.",
            request.method.as_str()
        ));
    }
    code.line(
        0,
        format!("const url = {};", js_str(&request.url.to_string())),
    );
    let (body, body_type) =
        body_prelude(&request.headers, &request.body, &mut code, runtime, &files);

    // The options object, as (indentation level inside it, line).
    let mut entries: Vec<(usize, String)> = Vec::new();
    if request.method != Method::Get {
        entries.push((0, format!("method: {},", js_str(request.method.as_str()))));
    }
    let mut headers = header_expressions(request, runtime);
    headers.extend(body_type);
    if !headers.is_empty() {
        if let Some(comment) = utf8_headers_comment(&request.headers, runtime) {
            entries.push((0, comment.to_string()));
        }
        let repeated = grouped(&headers).iter().any(|(_, values)| values.len() > 1);
        if repeated {
            // An object holds one value per name; pairs keep every one (fetch joins them with ", ").
            entries.push((0, "headers: [".to_string()));
            for (name, value) in &headers {
                entries.push((1, format!("[{}, {value}],", js_str(name))));
            }
            entries.push((0, "],".to_string()));
        } else {
            entries.push((0, "headers: {".to_string()));
            for (name, value) in &headers {
                entries.push((1, format!("{}: {value},", js_str(name))));
            }
            entries.push((0, "},".to_string()));
        }
    }
    if let Some(body) = body {
        entries.push((0, format!("body: {body},")));
    }
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            entries.push((0, "redirect: \"manual\",".to_string()));
            if runtime == Runtime::Browser {
                warnings.push(
                    "In the browser, redirect: \"manual\" gives an opaque response (status 0, no headers) instead of the 3xx response."
                        .to_string(),
                );
            }
        }
        RedirectMode::Error => entries.push((0, "redirect: \"error\",".to_string())),
    }
    if runtime == Runtime::Browser {
        if request.options.credentials != CredentialsMode::default() {
            entries.push((
                0,
                format!(
                    "credentials: {},",
                    js_str(request.options.credentials.as_str())
                ),
            ));
        }
        if request.options.cache != CacheMode::default() {
            entries.push((
                0,
                format!("cache: {},", js_str(request.options.cache.as_str())),
            ));
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        entries.push((0, format!("signal: AbortSignal.timeout({ms}),")));
    }

    code.blank();
    if entries.is_empty() {
        code.line(0, "const response = await fetch(url);");
    } else {
        code.line(0, "const response = await fetch(url, {");
        for (depth, line) in &entries {
            code.line(depth + 1, line);
        }
        code.line(0, "});");
    }
    code.blank();
    code.line(0, "console.log(response.status, response.statusText);");
    code.line(0, "console.log(await response.text());");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// Writes what the body needs before the call (a form, URL parameters); returns the `body` expression, and
/// the Content-Type header a multipart body written out by hand needs (name, expression).
fn body_prelude(
    headers: &[(String, String)],
    body: &PreparedBody,
    code: &mut CodeBuilder,
    runtime: Runtime,
    files: &FileInputs,
) -> (Option<String>, Option<(String, String)>) {
    match body {
        PreparedBody::None => (None, None),
        PreparedBody::Text(text) => (Some(js_str(text)), None),
        PreparedBody::UrlEncoded(fields) => {
            url_search_params(fields, code);
            (Some("params".to_string()), None)
        }
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            let content_type = written_multipart(headers, parts, "multipart", code, runtime, files);
            (Some("multipart".to_string()), content_type)
        }
        PreparedBody::Multipart(_) => {
            form_data(body, code, runtime, files);
            (Some("form".to_string()), None)
        }
        PreparedBody::File(file) => (Some(files.bytes(file, runtime)), None),
    }
}

/// `const params = new URLSearchParams(...)`: it encodes fields exactly as browsers encode forms.
pub(crate) fn url_search_params(fields: &[(String, String)], code: &mut CodeBuilder) {
    let unique = fields
        .iter()
        .enumerate()
        .all(|(i, (key, _))| fields[..i].iter().all(|(k, _)| k != key));
    if unique {
        code.line(0, "const params = new URLSearchParams({");
        for (key, value) in fields {
            code.line(1, format!("{}: {},", js_str(key), js_str(value)));
        }
        code.line(0, "});");
    } else {
        // Repeated field names need pairs: an object keeps one value per name.
        code.line(0, "const params = new URLSearchParams([");
        for (key, value) in fields {
            code.line(1, format!("[{}, {}],", js_str(key), js_str(value)));
        }
        code.line(0, "]);");
    }
}

/// `const form = new FormData()` with the parts in order. Files are wrapped in a Blob so the server sees the
/// request's file name and type, whatever the file on disk or in the page is called.
pub(crate) fn form_data(
    body: &PreparedBody,
    code: &mut CodeBuilder,
    runtime: Runtime,
    files: &FileInputs,
) {
    let PreparedBody::Multipart(parts) = body else {
        return;
    };
    code.line(0, "const form = new FormData();");
    for part in parts {
        // axios escapes a bare line break in a name as it is; browsers and fetch send CRLF.
        let name = multipart_line_breaks(&part.name);
        match &part.value {
            PreparedPartValue::Text(value) => code.line(
                0,
                format!("form.append({}, {});", js_str(&name), js_str(value)),
            ),
            PreparedPartValue::File(file) => code.line(
                0,
                format!(
                    "form.append({}, new Blob([{}], {{ type: {} }}), {});",
                    js_str(&name),
                    files.bytes(file, runtime),
                    js_str(file.effective_content_type()),
                    js_str(&file.name)
                ),
            ),
        };
    }
}

/// Whether a text part has its own Content-Type. FormData cannot send one: its only way to give a part a
/// type is a Blob, which it sends as a file (named "blob"), so such a body is written out by hand.
pub(crate) fn has_typed_text_part(parts: &[PreparedPart]) -> bool {
    parts.iter().any(is_typed_text)
}

fn is_typed_text(part: &PreparedPart) -> bool {
    matches!(part.value, PreparedPartValue::Text(_)) && part.content_type.is_some()
}

/// `const {name} = new Blob([...])` in the browser, `Buffer.concat([...])` in Node: the multipart body
/// written out as `crate::prepare::multipart` writes it, one element per part (file contents on their own). Returns
/// the Content-Type header (name, expression) that announces the boundary, unless the request sets its own.
pub(crate) fn written_multipart(
    headers: &[(String, String)],
    parts: &[PreparedPart],
    name: &str,
    code: &mut CodeBuilder,
    runtime: Runtime,
    files: &FileInputs,
) -> Option<(String, String)> {
    let boundary = multipart_boundary(parts);
    let typed: Vec<String> = parts
        .iter()
        .filter(|p| is_typed_text(p))
        .map(|p| js_str(&p.name))
        .collect();
    code.line(
        0,
        format!(
            "// FormData can give {} a Content-Type only as a file (named \"blob\"): the body is written out by hand.",
            typed.join(", ")
        ),
    );
    let (open, close) = match runtime {
        Runtime::Browser => ("new Blob([", "]);"),
        Runtime::Node => ("Buffer.concat([", "]);"),
    };
    code.line(0, format!("const {name} = {open}"));
    // The boundary occurs in no part's content, so each `--boundary` line after the first starts the next part.
    let opener = format!("--{boundary}\r\n");
    for piece in multipart_pieces(parts, &boundary) {
        match piece {
            Piece::Text(text) => {
                let ends = text
                    .match_indices(&opener)
                    .map(|(i, _)| i)
                    .filter(|&i| i > 0)
                    .chain([text.len()]);
                let mut start = 0;
                for end in ends {
                    let literal = js_str(&text[start..end]);
                    start = end;
                    code.line(
                        1,
                        match runtime {
                            Runtime::Browser => format!("{literal},"),
                            Runtime::Node => format!("Buffer.from({literal}),"),
                        },
                    );
                }
            }
            Piece::File(file) => {
                code.line(1, format!("{},", files.bytes(file, runtime)));
            }
        }
    }
    code.line(0, close);
    (!headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type")))
    .then(|| {
        (
            "Content-Type".to_string(),
            js_str(&format!("multipart/form-data; boundary={boundary}")),
        )
    })
}

/// Line breaks as browsers send them in multipart part names and text values: every CR, LF or CRLF becomes
/// CRLF (file names keep theirs). Clients that send what they are given then match the browser.
pub(crate) fn multipart_line_breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// The files a request uploads, each once, in order of first use. In the browser they are the files the user
/// picked in the page's file input, in that order.
pub(crate) struct FileInputs {
    pub(crate) names: Vec<String>,
}

impl FileInputs {
    pub(crate) fn of(body: &PreparedBody) -> FileInputs {
        let mut names: Vec<String> = Vec::new();
        let mut add = |file: &FileRef| {
            if !names.contains(&file.name) {
                names.push(file.name.clone());
            }
        };
        match body {
            PreparedBody::File(file) => add(file),
            PreparedBody::Multipart(parts) => {
                for part in parts {
                    if let PreparedPartValue::File(file) = &part.value {
                        add(file);
                    }
                }
            }
            _ => {}
        }
        FileInputs { names }
    }

    /// Declares the page's files (`file`, or `files` when there are several). The comment names them in
    /// order, as quoted literals, so no file name can end the comment.
    pub(crate) fn declare(&self, code: &mut CodeBuilder) {
        let quoted: Vec<String> = self.names.iter().map(|n| js_str(n)).collect();
        match quoted.as_slice() {
            [] => return,
            [one] => {
                code.line(
                    0,
                    format!("// Choose {one} in the page's <input type=\"file\">."),
                );
                code.line(
                    0,
                    "const file = document.querySelector(\"input[type=file]\").files[0];",
                );
            }
            several => {
                code.line(
                    0,
                    format!(
                        "// Choose {} in the page's <input type=\"file\" multiple>, in this order.",
                        several.join(", ")
                    ),
                );
                code.line(
                    0,
                    "const files = document.querySelector(\"input[type=file]\").files;",
                );
            }
        }
        code.blank();
    }

    /// The expression for a file's contents: a Blob from the page, or bytes read from disk in Node.
    pub(crate) fn bytes(&self, file: &FileRef, runtime: Runtime) -> String {
        match runtime {
            Runtime::Node => format!("await readFile({})", js_str(&file.name)),
            Runtime::Browser if self.names.len() == 1 => "file".to_string(),
            Runtime::Browser => {
                let index = self
                    .names
                    .iter()
                    .position(|n| *n == file.name)
                    .unwrap_or_default();
                format!("files[{index}]")
            }
        }
    }
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
            let request: crate::edit::model::Request =
                serde_json::from_str(json).expect("valid request JSON");
            let prepared =
                crate::prepare::prepare(&request, &crate::edit::model::Environment::default())
                    .expect("prepares");
            let snippet = crate::snippet::generate(target, &prepared, &Options::default())
                .expect("known target");
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

    /// A typed text part makes the body one written out by hand, each part its own element, that joins back
    /// into exactly what `crate::prepare::multipart` encodes.
    #[test]
    fn a_typed_text_part_is_written_out_part_by_part() {
        let parts = vec![
            PreparedPart {
                content_type: Some("application/json".into()),
                ..PreparedPart::text("meta", "{\"a\": \"--x\"}")
            },
            PreparedPart::text("title", "t"),
        ];
        assert!(has_typed_text_part(&parts));
        assert!(!has_typed_text_part(&parts[1..]));
        let mut code = CodeBuilder::new(4);
        let files = FileInputs { names: Vec::new() };
        let header = written_multipart(&[], &parts, "multipart", &mut code, Runtime::Node, &files);
        let code = code.finish();
        let elements: Vec<&str> = code
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Buffer.from("))
            .collect();
        assert_eq!(elements.len(), 2, "{code}");
        let (content_type, body) = crate::prepare::multipart::encode(&parts);
        assert_eq!(header, Some(("Content-Type".into(), js_str(&content_type))));
        let unquoted: String = elements
            .iter()
            .map(|e| {
                let literal = e.trim_end_matches("),");
                serde_json::from_str::<String>(literal).expect("a JSON-compatible literal")
            })
            .collect();
        assert_eq!(unquoted.as_bytes(), body.as_slice());
        // A Content-Type the user set is kept: the snippet then adds none.
        let own = [(
            "content-type".to_string(),
            "multipart/form-data".to_string(),
        )];
        let mut again = CodeBuilder::new(4);
        assert_eq!(
            written_multipart(&own, &parts, "m", &mut again, Runtime::Browser, &files),
            None
        );
    }

    #[test]
    fn multipart_line_breaks_become_crlf() {
        let cases = [
            ("a\nb", "a\r\nb"),
            ("a\r\nb", "a\r\nb"),
            ("a\rb\n", "a\r\nb\r\n"),
            ("ab", "ab"),
        ];
        for (input, expected) in cases {
            assert_eq!(multipart_line_breaks(input), expected, "{input:?}");
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
