//! Snippet target `js-fetch`: the browser's `fetch`, as a module script (top-level `await`). Also holds what
//! the other JavaScript targets share: the fetch call itself (`node-fetch` differs only in where files come
//! from), header grouping, Basic credentials, and the page's file input.

use crate::http::headers::name_note;
use crate::model::{CacheMode, CredentialsMode, FileRef, Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
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
    let body = body_prelude(&request.body, &mut code, runtime, &files);

    // The options object, as (indentation level inside it, line).
    let mut entries: Vec<(usize, String)> = Vec::new();
    if request.method != Method::Get {
        entries.push((0, format!("method: {},", js_str(request.method.as_str()))));
    }
    let headers = header_expressions(request, runtime);
    if !headers.is_empty() {
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

/// Writes what the body needs before the call (a form, URL parameters); returns the `body` expression.
fn body_prelude(
    body: &PreparedBody,
    code: &mut CodeBuilder,
    runtime: Runtime,
    files: &FileInputs,
) -> Option<String> {
    match body {
        PreparedBody::None => None,
        PreparedBody::Text(text) => Some(js_str(text)),
        PreparedBody::UrlEncoded(fields) => {
            url_search_params(fields, code);
            Some("params".to_string())
        }
        PreparedBody::Multipart(_) => {
            form_data(body, code, runtime, files);
            Some("form".to_string())
        }
        PreparedBody::File(file) => Some(files.bytes(file, runtime)),
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
            _ => (name.clone(), js_str(value)),
        })
        .collect()
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
        ];
        for (json, target, expected) in cases {
            let request: crate::model::Request =
                serde_json::from_str(json).expect("valid request JSON");
            let prepared = crate::prepare::prepare(&request, &crate::model::Environment::default())
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
