//! Snippet target `js-xhr`: `XMLHttpRequest` in a browser page, files from the page's file input.

use crate::edit::model::{CacheMode, CredentialsMode, Method, RedirectMode};
use crate::prepare::{PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::targets::js_fetch::{
    browser_warnings, form_data, has_typed_text_part, header_expressions, url_search_params,
    utf8_headers_comment, written_multipart, FileInputs, Runtime,
};
use crate::snippet::{Options, Snippet};

pub fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = browser_warnings(request);
    warnings.extend(xhr_option_warnings(request, "XMLHttpRequest"));
    let mut code = CodeBuilder::new(options.indent);
    let files = FileInputs::of(&request.body);
    files.declare(&mut code);
    let mut headers = header_expressions(request, Runtime::Browser);
    let body = match &request.body {
        PreparedBody::None => None,
        PreparedBody::Text(text) => Some(js_str(text)),
        PreparedBody::UrlEncoded(fields) => {
            url_search_params(fields, &mut code);
            Some("params".to_string())
        }
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            headers.extend(written_multipart(
                &request.headers,
                parts,
                "multipart",
                &mut code,
                Runtime::Browser,
                &files,
            ));
            Some("multipart".to_string())
        }
        PreparedBody::Multipart(_) => {
            form_data(&request.body, &mut code, Runtime::Browser, &files);
            Some("form".to_string())
        }
        PreparedBody::File(file) => Some(files.bytes(file, Runtime::Browser)),
    };
    if body
        .as_deref()
        .is_some_and(|b| ["params", "form", "multipart"].contains(&b))
    {
        code.blank();
    }
    code.line(0, "const xhr = new XMLHttpRequest();");
    code.line(
        0,
        format!(
            "xhr.open({}, {});",
            js_str(request.method.as_str()),
            js_str(&request.url.to_string())
        ),
    );
    if let Some(comment) = utf8_headers_comment(&request.headers, Runtime::Browser) {
        code.line(0, comment);
    }
    // Setting a name again adds its value: XMLHttpRequest joins them with ", ", as fetch does.
    for (name, value) in headers {
        code.line(
            0,
            format!("xhr.setRequestHeader({}, {value});", js_str(&name)),
        );
    }
    if request.options.credentials == CredentialsMode::Include {
        code.line(0, "xhr.withCredentials = true;");
    }
    if let Some(ms) = request.options.timeout_ms {
        code.line(0, format!("xhr.timeout = {ms};"));
    }
    code.line(0, "xhr.onload = () => {");
    code.line(1, "console.log(xhr.status, xhr.statusText);");
    code.line(1, "console.log(xhr.responseText);");
    code.line(0, "};");
    code.line(
        0,
        "xhr.onerror = () => console.error(\"The request failed (network error or CORS).\");",
    );
    if request.options.timeout_ms.is_some() {
        code.line(
            0,
            "xhr.ontimeout = () => console.error(\"The request timed out.\");",
        );
    }
    match body {
        Some(body) => code.line(0, format!("xhr.send({body});")),
        None => code.line(0, "xhr.send();"),
    };
    Snippet {
        code: code.finish(),
        warnings,
    }
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
