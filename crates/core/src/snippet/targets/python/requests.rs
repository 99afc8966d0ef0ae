//! Snippet target `python-requests`: Python with the requests library, the way its documentation writes it;
//! for a `ws://` or `wss://` URL (which requests cannot open), the `websockets` package's client.

use super::websocket::websocket_snippet;
use super::{header_value, text_part};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::headers::merge_repeated_headers;
use crate::snippet::quote::python_str;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "python-requests",
    label: "Python requests",
    client: "requests",
    language: "Python",
    extension: "py",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: Some(websocket_snippet),
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "import requests");
    if matches!(request.auth, PreparedAuth::Digest { .. }) {
        code.line(0, "from requests.auth import HTTPDigestAuth");
    }
    code.blank();
    code.line(0, format!("url = {}", python_str(&request.url.to_string())));

    let mut call_args = vec!["url".to_string()];
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter(|(name, _)| !(basic && name.eq_ignore_ascii_case("authorization")))
        .cloned()
        .collect();
    let headers = merge_repeated_headers(&headers, "Python requests", &mut warnings);
    if !headers.is_empty() {
        code.line(0, "headers = {");
        for (name, value) in &headers {
            code.line(1, format!("{}: {},", python_str(name), header_value(value)));
        }
        code.line(0, "}");
        call_args.push("headers=headers".to_string());
    }
    let opened_file = body_lines(&request.body, &mut code, &mut call_args);
    if let PreparedAuth::Basic { username, password } = &request.auth {
        call_args.push(format!(
            "auth=({}, {})",
            utf8_credential(username),
            utf8_credential(password)
        ));
    }
    if let PreparedAuth::Digest { username, password } = &request.auth {
        // str, not bytes: HTTPDigestAuth formats them into the text it hashes, then encodes that as UTF-8.
        call_args.push(format!(
            "auth=HTTPDigestAuth({}, {})",
            python_str(username),
            python_str(password)
        ));
    }
    if let Some(ms) = request.options.timeout_ms {
        call_args.push(format!("timeout={}", seconds(ms)));
    }
    let stream = request.expects_stream();
    if stream {
        // Without it requests reads the whole body before returning, which an event stream may never end.
        call_args.push("stream=True".to_string());
    }
    match request.options.redirect {
        // requests.head() alone does not follow redirects; browsers do.
        RedirectMode::Follow if request.method == Method::Head => {
            call_args.push("allow_redirects=True".into())
        }
        RedirectMode::Follow => {}
        RedirectMode::Manual => call_args.push("allow_redirects=False".into()),
        RedirectMode::Error => {
            call_args.push("allow_redirects=False".into());
            warnings.push(
                "requests cannot fail on a redirect: this snippet returns the 3xx response instead.".to_string(),
            );
        }
    }

    // A session is what code that sends more than once uses (connection reuse, shared cookies); its methods
    // have the same names and arguments as the module's.
    let client = if options.python_session {
        "session"
    } else {
        "requests"
    };
    let call = match &request.method {
        Method::Get
        | Method::Post
        | Method::Put
        | Method::Patch
        | Method::Delete
        | Method::Head
        | Method::Options => {
            format!(
                "{client}.{}({})",
                request.method.as_str().to_ascii_lowercase(),
                call_args.join(", ")
            )
        }
        other => format!(
            "{client}.request({}, {})",
            python_str(other.as_str()),
            call_args.join(", ")
        ),
    };
    code.blank();
    let mut contexts = Vec::new();
    if options.python_session {
        contexts.push("requests.Session() as session".to_string());
    }
    if let Some(name) = opened_file {
        contexts.push(format!("open({}, \"rb\") as body", python_str(&name)));
    }
    let level = if contexts.is_empty() {
        0
    } else {
        code.line(0, format!("with {}:", contexts.join(", ")));
        1
    };
    code.line(level, format!("response = {call}")).blank();
    if stream {
        // Inside the session, which must stay open while the body streams.
        code.line(level, "print(response.status_code, response.reason)");
        code.line(level, "for line in response.iter_lines():");
        code.line(level + 1, "print(line.decode(\"utf-8\"), flush=True)");
    } else {
        code.line(0, "print(response.status_code, response.reason)");
        code.line(0, "print(response.text)");
    }
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// requests encodes `str` credentials as Latin-1, the browser as UTF-8: non-ASCII ones are passed as bytes.
fn utf8_credential(text: &str) -> String {
    if text.is_ascii() {
        python_str(text)
    } else {
        format!("{}.encode(\"utf-8\")", python_str(text))
    }
}

/// Writes the body variables; returns the file to open around the call for a binary body.
fn body_lines(
    body: &PreparedBody,
    code: &mut CodeBuilder,
    call_args: &mut Vec<String>,
) -> Option<String> {
    match body {
        PreparedBody::None => None,
        PreparedBody::Text(text) => {
            // requests sends a `str` body as Latin-1; the browser sends UTF-8. Encoding explicitly keeps them equal.
            let literal = python_str(text);
            if text.is_ascii() {
                code.line(0, format!("data = {literal}"));
            } else {
                code.line(0, format!("data = {literal}.encode(\"utf-8\")"));
            }
            call_args.push("data=data".to_string());
            None
        }
        PreparedBody::UrlEncoded(fields) => {
            // Python's encoder treats `*` and `~` differently from browsers; then the browser's encoding is sent.
            if fields
                .iter()
                .any(|(k, v)| k.contains(['*', '~']) || v.contains(['*', '~']))
            {
                let encoded = PreparedBody::url_encoded(fields);
                code.line(
                    0,
                    format!(
                        "data = {}  # encoded as browsers encode forms",
                        python_str(&encoded)
                    ),
                );
            } else {
                code.line(0, "data = [");
                for (key, value) in fields {
                    code.line(1, format!("({}, {}),", python_str(key), python_str(value)));
                }
                code.line(0, "]");
            }
            call_args.push("data=data".to_string());
            None
        }
        PreparedBody::Multipart(parts) => {
            // A list keeps the parts in order; `(None, value)` is a text field without a file name, and
            // `(None, value, type)` one with its own Content-Type.
            code.line(0, "files = [");
            for part in parts {
                let value = match &part.value {
                    PreparedPartValue::Text(value) => {
                        text_part(value, part.content_type.as_deref())
                    }
                    PreparedPartValue::File(file) => format!(
                        "({}, open({}, \"rb\"), {})",
                        python_str(&file.name),
                        python_str(&file.name),
                        python_str(file.effective_content_type())
                    ),
                };
                code.line(1, format!("({}, {value}),", python_str(&part.name)));
            }
            code.line(0, "]");
            call_args.push("files=files".to_string());
            None
        }
        PreparedBody::File(file) => {
            call_args.push("data=body".to_string());
            Some(file.name.clone())
        }
    }
}
