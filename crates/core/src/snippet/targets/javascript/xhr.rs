//! Snippet target `js-xhr`: `XMLHttpRequest` in a browser page, files from the page's file input.

use super::body::{form_data, url_search_params, written_multipart, FileInputs};
use super::{
    browser_warnings, header_expressions, utf8_headers_comment, xhr_option_warnings, Runtime,
};
use crate::edit::model::CredentialsMode;
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::written_multipart::has_typed_text_part;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "js-xhr",
    label: "JavaScript XMLHttpRequest",
    client: "XMLHttpRequest",
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
    let open = match &request.auth {
        // The browser answers the server's Digest challenge with the user and password given to open().
        PreparedAuth::Digest { username, password } => format!(
            "xhr.open({}, {}, true, {}, {});",
            js_str(request.method.as_str()),
            js_str(&request.url.to_string()),
            js_str(username),
            js_str(password)
        ),
        _ => format!(
            "xhr.open({}, {});",
            js_str(request.method.as_str()),
            js_str(&request.url.to_string())
        ),
    };
    code.line(0, open);
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
