//! Snippet target `python-urllib3`: urllib3 2.x the way its documentation writes it: a `PoolManager`,
//! `http.request(...)` with `fields=` for forms, `body=` for raw bytes, `urllib3.make_headers(basic_auth=...)`.

use super::{browser_form_encoding, credentials_line, header_value};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;
use crate::snippet::written_multipart::multipart_line_breaks;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "python-urllib3",
    label: "Python urllib3",
    client: "urllib3",
    language: "Python",
    extension: "py",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "use requests' HTTPDigestAuth",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut code = CodeBuilder::new(options.indent);
    let mut prelude = CodeBuilder::new(options.indent);
    let mut imports = vec!["import urllib3"];
    let mut call_args = vec![python_str(request.method.as_str()), "url".to_string()];

    // Header entries, in order; Basic auth becomes make_headers(), or UTF-8 credentials when not ASCII.
    enum Entry {
        Pair(String, String),
        MakeHeaders(String),
    }
    let mut entries = Vec::new();
    for (name, value) in &request.headers {
        match &request.auth {
            PreparedAuth::Basic { username, password }
                if name.eq_ignore_ascii_case("authorization") =>
            {
                if username.is_ascii() && password.is_ascii() {
                    entries.push(Entry::MakeHeaders(python_str(&format!(
                        "{username}:{password}"
                    ))));
                } else {
                    // make_headers() encodes credentials as Latin-1; browsers send UTF-8.
                    imports.push("import base64");
                    credentials_line(username, password, &mut prelude);
                    entries.push(Entry::Pair(
                        python_str(name),
                        "f\"Basic {credentials}\"".to_string(),
                    ));
                }
            }
            _ => entries.push(Entry::Pair(python_str(name), header_value(value))),
        }
    }
    let repeated = request.headers.iter().enumerate().any(|(i, (name, _))| {
        request.headers[..i]
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    });
    if !entries.is_empty() {
        if repeated {
            // A dict holds one value per name; HTTPHeaderDict sends every value as its own line.
            prelude.line(0, "headers = urllib3.HTTPHeaderDict([");
            for entry in &entries {
                if let Entry::Pair(name, value) = entry {
                    prelude.line(1, format!("({name}, {value}),"));
                }
            }
            prelude.line(0, "])");
            for entry in &entries {
                if let Entry::MakeHeaders(credentials) = entry {
                    prelude.line(
                        0,
                        format!("headers.extend(urllib3.make_headers(basic_auth={credentials}))"),
                    );
                }
            }
        } else {
            prelude.line(0, "headers = {");
            for entry in &entries {
                match entry {
                    Entry::Pair(name, value) => prelude.line(1, format!("{name}: {value},")),
                    Entry::MakeHeaders(credentials) => prelude.line(
                        1,
                        format!("**urllib3.make_headers(basic_auth={credentials}),"),
                    ),
                };
            }
            prelude.line(0, "}");
        }
        call_args.push("headers=headers".to_string());
    }

    let mut uses_fields = false;
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            // urllib3 2 sends a `str` body as UTF-8, as browsers do.
            prelude.line(0, format!("body = {}", python_str(text)));
            call_args.push("body=body".to_string());
        }
        PreparedBody::UrlEncoded(fields) => match browser_form_encoding(fields) {
            Some(encoded) => {
                prelude.line(
                    0,
                    format!("body = {encoded}  # encoded as browsers encode forms"),
                );
                call_args.push("body=body".to_string());
            }
            None => {
                prelude.line(0, "fields = [");
                for (key, value) in fields {
                    prelude.line(1, format!("({}, {}),", python_str(key), python_str(value)));
                }
                prelude.line(0, "]");
                call_args.push("fields=fields".to_string());
                call_args.push("encode_multipart=False".to_string());
                uses_fields = true;
            }
        },
        PreparedBody::Multipart(parts) => {
            // A list keeps the parts in order; a (file name, data, content type) tuple makes a file part, or
            // with no file name (None) a text part with its own Content-Type.
            prelude.line(0, "fields = [");
            for part in parts {
                let value = match &part.value {
                    PreparedPartValue::Text(value) => {
                        let value = python_str(&multipart_line_breaks(value));
                        match &part.content_type {
                            Some(content_type) => {
                                format!("(None, {value}, {})", python_str(content_type))
                            }
                            None => value,
                        }
                    }
                    PreparedPartValue::File(file) => {
                        imports.push("from pathlib import Path");
                        format!(
                            "({}, Path({}).read_bytes(), {})",
                            python_str(&file.name),
                            python_str(&file.name),
                            python_str(file.effective_content_type())
                        )
                    }
                };
                prelude.line(
                    1,
                    format!(
                        "({}, {value}),",
                        python_str(&multipart_line_breaks(&part.name))
                    ),
                );
            }
            prelude.line(0, "]");
            call_args.push("fields=fields".to_string());
            uses_fields = true;
        }
        PreparedBody::File(file) => {
            imports.push("from pathlib import Path");
            prelude.line(
                0,
                format!("body = Path({}).read_bytes()", python_str(&file.name)),
            );
            call_args.push("body=body".to_string());
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        call_args.push(format!("timeout={}", seconds(ms)));
    }
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => call_args.push("redirect=False".to_string()),
        // No redirect allowed: the first one raises MaxRetryError.
        RedirectMode::Error => call_args.push("retries=urllib3.Retry(redirect=0)".to_string()),
    }
    // request() puts `fields` into the query string for these methods; request_encode_body() sends a body.
    let function = if uses_fields
        && matches!(
            request.method,
            Method::Get | Method::Head | Method::Delete | Method::Options
        ) {
        "request_encode_body"
    } else {
        "request"
    };

    let stream = request.expects_stream();
    if stream {
        // Without it urllib3 reads the whole body before returning, which an event stream may never end.
        call_args.push("preload_content=False".to_string());
        imports.push("import sys");
    }
    imports.sort_by_key(|line| (line.starts_with("from"), *line));
    imports.dedup();
    for line in &imports {
        code.line(0, line);
    }
    code.blank();
    code.line(0, "http = urllib3.PoolManager()");
    code.line(0, format!("url = {}", python_str(&request.url.to_string())));
    let prelude = prelude.finish();
    // An empty builder still finishes with its newline.
    for line in prelude.lines().filter(|_| prelude != "\n") {
        code.line(0, line);
    }
    code.blank();
    let one_line = format!("response = http.{function}({})", call_args.join(", "));
    if one_line.chars().count() <= 79 {
        code.line(0, one_line);
    } else {
        code.line(0, format!("response = http.{function}("));
        for arg in &call_args {
            code.line(1, format!("{arg},"));
        }
        code.line(0, ")");
    }
    code.blank();
    if stream {
        // Flushed, as the body below goes to the byte stream underneath print's buffer.
        code.line(0, "print(response.status, response.reason, flush=True)");
        // The bytes as they come, undecoded: a piece may end inside a character.
        code.line(0, "for chunk in response.stream():");
        code.line(1, "sys.stdout.buffer.write(chunk)");
        code.line(1, "sys.stdout.buffer.flush()");
        code.line(0, "response.release_conn()");
    } else {
        code.line(0, "print(response.status, response.reason)");
        code.line(0, "print(response.data.decode())");
    }
    Snippet {
        code: code.finish(),
        warnings: Vec::new(),
    }
}
