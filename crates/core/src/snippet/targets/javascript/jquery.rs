//! Snippet target `js-jquery`: `$.ajax` in a browser page that loads jQuery, files from the page's file input.

use super::body::{form_data, url_search_params, written_multipart, FileInputs};
use super::{
    browser_warnings, grouped, header_expressions, utf8_headers_comment, xhr_option_warnings,
    Runtime,
};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::written_multipart::has_typed_text_part;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "js-jquery",
    label: "JavaScript jQuery",
    client: "jQuery",
    language: "JavaScript",
    extension: "js",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::OwnNote,
    reads_streams: false,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = browser_warnings(request);
    warnings.extend(xhr_option_warnings(request, "jQuery.ajax"));
    let method = request.method.as_str();
    if method.bytes().any(|b| b.is_ascii_lowercase()) {
        warnings.push(format!(
            "jQuery upper-cases methods: it sends {} instead of {method}.",
            method.to_ascii_uppercase()
        ));
    }
    let mut code = CodeBuilder::new(options.indent);
    code.line(
        0,
        "// Runs in a page that loads jQuery, e.g. <script src=\"https://code.jquery.com/jquery-4.0.0.min.js\"></script>.",
    );
    let files = FileInputs::of(&request.body);
    files.declare(&mut code);

    // (indentation level inside the settings object, line)
    let mut settings: Vec<(usize, String)> = vec![
        (0, format!("url: {},", js_str(&request.url.to_string()))),
        (0, format!("method: {},", js_str(method))),
    ];
    // Handed to XMLHttpRequest.open: the browser answers the server's Digest challenge with them.
    if let PreparedAuth::Digest { username, password } = &request.auth {
        settings.push((0, format!("username: {},", js_str(username))));
        settings.push((0, format!("password: {},", js_str(password))));
    }
    // jQuery keeps one value per name (case-insensitively): repeats are joined with ", ", as a browser joins
    // them anyway. Content-Type goes in `contentType`, which jQuery otherwise fills with its own default.
    let mut content_type = None;
    let mut headers = Vec::new();
    for (name, values) in grouped(&header_expressions(request, Runtime::Browser)) {
        let value = values.join(" + \", \" + ");
        if name.eq_ignore_ascii_case("content-type") {
            content_type = Some(value);
        } else {
            headers.push((name, value));
        }
    }
    // Above the first of `headers` and `contentType` that is written.
    let mut comment = utf8_headers_comment(&request.headers, Runtime::Browser);
    if !headers.is_empty() {
        settings.extend(comment.take().map(|c| (0, c.to_string())));
        settings.push((0, "headers: {".to_string()));
        for (name, value) in &headers {
            settings.push((1, format!("{}: {value},", js_str(name))));
        }
        settings.push((0, "},".to_string()));
    }
    match &request.body {
        PreparedBody::None => {
            push_content_type(&mut settings, content_type, comment);
        }
        PreparedBody::Text(text) => {
            push_content_type(&mut settings, content_type, comment);
            settings.push((0, format!("data: {},", js_str(text))));
            // Otherwise jQuery turns %20 into + in a form-encoded string.
            settings.push((0, "processData: false,".to_string()));
        }
        PreparedBody::UrlEncoded(fields) => {
            push_content_type(&mut settings, content_type, comment);
            match param_lines(fields) {
                Some(lines) => settings.extend(lines),
                None => {
                    // jQuery.param leaves ! ' ( ) ~ as they are; browsers encode them.
                    url_search_params(fields, &mut code);
                    code.blank();
                    settings.push((0, "data: params.toString(),".to_string()));
                }
            }
        }
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            let written = written_multipart(
                &request.headers,
                parts,
                "multipart",
                &mut code,
                Runtime::Browser,
                &files,
            );
            code.blank();
            let content_type = content_type.or(written.map(|(_, value)| value));
            push_content_type(&mut settings, content_type, comment);
            settings.push((0, "data: multipart,".to_string()));
            settings.push((0, "processData: false,".to_string()));
        }
        PreparedBody::Multipart(_) => {
            form_data(&request.body, &mut code, Runtime::Browser, &files);
            code.blank();
            settings.push((0, "data: form,".to_string()));
            settings.push((0, "processData: false,".to_string()));
            // The browser writes the Content-Type, with the boundary it picks.
            settings.push((0, "contentType: false,".to_string()));
        }
        PreparedBody::File(file) => {
            push_content_type(&mut settings, content_type, comment);
            settings.push((0, format!("data: {},", files.bytes(file, Runtime::Browser))));
            settings.push((0, "processData: false,".to_string()));
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        settings.push((0, format!("timeout: {ms},")));
    }
    if request.options.credentials == crate::edit::model::CredentialsMode::Include {
        settings.push((0, "xhrFields: { withCredentials: true },".to_string()));
    }

    code.line(0, "$.ajax({");
    for (depth, line) in &settings {
        code.line(depth + 1, line);
    }
    code.line(0, "})");
    code.line(1, ".done((data, textStatus, xhr) => {");
    code.line(2, "console.log(xhr.status, xhr.statusText);");
    code.line(2, "console.log(xhr.responseText);");
    code.line(1, "})");
    code.line(
        1,
        ".fail((xhr, textStatus, error) => console.error(textStatus, error));",
    );
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// `contentType:`, when the request has one, with the comment on UTF-8 header values when it is still due.
fn push_content_type(
    settings: &mut Vec<(usize, String)>,
    content_type: Option<String>,
    comment: Option<&str>,
) {
    if let Some(content_type) = content_type {
        settings.extend(comment.map(|c| (0, c.to_string())));
        settings.push((0, format!("contentType: {content_type},")));
    }
}

/// `data:` as jQuery users write it: an object, or `{ name, value }` pairs when a name repeats or looks like an
/// array index (objects list those first). `None` when jQuery.param would encode differently from browsers.
fn param_lines(fields: &[(String, String)]) -> Option<Vec<(usize, String)>> {
    let differs = |text: &str| text.contains(['!', '\'', '(', ')', '~']);
    if fields.iter().any(|(k, v)| differs(k) || differs(v)) {
        return None;
    }
    let unique = fields
        .iter()
        .enumerate()
        .all(|(i, (key, _))| fields[..i].iter().all(|(k, _)| k != key));
    let index_like = fields
        .iter()
        .any(|(key, _)| !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()));
    let mut lines = Vec::new();
    if unique && !index_like {
        lines.push((0, "data: {".to_string()));
        for (key, value) in fields {
            lines.push((1, format!("{}: {},", js_str(key), js_str(value))));
        }
        lines.push((0, "},".to_string()));
    } else {
        lines.push((0, "data: [".to_string()));
        for (key, value) in fields {
            lines.push((
                1,
                format!("{{ name: {}, value: {} }},", js_str(key), js_str(value)),
            ));
        }
        lines.push((0, "],".to_string()));
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_data_shape_follows_what_jquery_param_encodes_like_a_browser() {
        let fields = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let first = |f: &[(String, String)]| param_lines(f).map(|lines| lines[0].1.clone());
        let cases = [
            (fields(&[("a", "1"), ("b", "x y")]), Some("data: {")),
            (fields(&[("t", "1"), ("t", "2")]), Some("data: [")),
            (fields(&[("2", "x"), ("a", "y")]), Some("data: [")),
            (fields(&[("home", "~/docs")]), None),
            (fields(&[("q", "it's")]), None),
        ];
        for (input, expected) in cases {
            assert_eq!(first(&input).as_deref(), expected, "{input:?}");
        }
    }
}
