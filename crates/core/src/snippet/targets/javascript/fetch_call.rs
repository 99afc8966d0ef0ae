//! Snippet stage helper for `js-fetch` and `node-fetch` (not a target itself): the fetch call, which differs
//! between the browser and Node only in where files come from and what a page may not do.

use super::body::{form_data, url_search_params, written_multipart, FileInputs};
use super::{browser_warnings, grouped, header_expressions, utf8_headers_comment, Runtime};
use crate::edit::model::{CacheMode, CredentialsMode, Method, RedirectMode};
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::written_multipart::has_typed_text_part;
use crate::snippet::{Options, Snippet};

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
    if request.expects_stream() {
        // The body as it arrives, piece by piece, rather than once it has ended.
        code.line(0, "const reader = response.body.getReader();");
        code.line(0, "const decoder = new TextDecoder();");
        code.line(0, "for (;;) {");
        code.line(1, "const { done, value } = await reader.read();");
        code.line(1, "if (done) break;");
        code.line(1, "console.log(decoder.decode(value, { stream: true }));");
        code.line(0, "}");
    } else {
        code.line(0, "console.log(await response.text());");
    }
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
