//! Snippet target `python-http-client`: Python's standard library `http.client`, no packages needed.

use super::{browser_form_encoding, credentials_line, header_value};
use crate::edit::model::RedirectMode;
use crate::prepare::has_header;
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::python_str;
use crate::snippet::written_multipart::multipart_line_breaks;
use crate::snippet::{seconds, DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "python-http-client",
    label: "Python http.client",
    client: "http.client",
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
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let mut imports = vec!["import http.client"];
    let url = &request.url;
    let connection = if url.scheme == "https" {
        "HTTPSConnection"
    } else {
        "HTTPConnection"
    };

    // The header list as (name literal, value expression); Basic credentials are shown, not their base64.
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut prelude = CodeBuilder::new(options.indent);
    for (name, value) in &request.headers {
        let value = match &request.auth {
            PreparedAuth::Basic { username, password }
                if name.eq_ignore_ascii_case("authorization") =>
            {
                imports.push("import base64");
                credentials_line(username, password, &mut prelude);
                "f\"Basic {credentials}\"".to_string()
            }
            _ => header_value(value),
        };
        headers.push((python_str(name), value));
    }
    let body = match &request.body {
        PreparedBody::None => None,
        PreparedBody::Text(text) if text.is_ascii() => {
            prelude.line(0, format!("body = {}", python_str(text)));
            Some("body")
        }
        PreparedBody::Text(text) => {
            // http.client sends a `str` body as Latin-1; the browser sends UTF-8.
            prelude.line(0, format!("body = {}.encode(\"utf-8\")", python_str(text)));
            Some("body")
        }
        PreparedBody::UrlEncoded(fields) => {
            if let Some(encoded) = browser_form_encoding(fields) {
                prelude.line(
                    0,
                    format!("body = {encoded}  # encoded as browsers encode forms"),
                );
            } else {
                imports.push("from urllib.parse import urlencode");
                prelude.line(0, "body = urlencode([");
                for (key, value) in fields {
                    prelude.line(1, format!("({}, {}),", python_str(key), python_str(value)));
                }
                prelude.line(0, "])");
            }
            Some("body")
        }
        PreparedBody::Multipart(_) => {
            imports.push("import uuid");
            imports.push("from pathlib import Path");
            multipart_lines(&request.body, &mut prelude);
            headers.push((
                "\"Content-Type\"".to_string(),
                "f\"multipart/form-data; boundary={boundary}\"".to_string(),
            ));
            Some("body")
        }
        PreparedBody::File(file) => {
            imports.push("from pathlib import Path");
            prelude.line(
                0,
                format!("body = Path({}).read_bytes()", python_str(&file.name)),
            );
            Some("body")
        }
    };

    imports.sort_by_key(|line| (line.starts_with("from"), *line));
    imports.dedup();
    for line in &imports {
        code.line(0, line);
    }
    code.blank();
    let mut connect_args = vec![python_str(&url.host)];
    if let Some(port) = url.port {
        connect_args.push(port.to_string());
    }
    if let Some(ms) = request.options.timeout_ms {
        connect_args.push(format!("timeout={}", seconds(ms)));
    }
    let conn = format!(
        "conn = http.client.{connection}({})",
        connect_args.join(", ")
    );
    let prelude = prelude.finish();
    // An empty builder still finishes with its newline.
    for line in prelude.lines().filter(|_| prelude != "\n") {
        code.line(0, line);
    }
    let method = python_str(request.method.as_str());
    let target = python_str(&url.path_and_query());
    let repeated = headers.iter().enumerate().any(|(i, (name, _))| {
        headers[..i]
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    });
    if repeated {
        // `request()` takes a dict, which holds one value per name: send the header lines one by one.
        code.line(0, "headers = [");
        for (name, value) in &headers {
            code.line(1, format!("({name}, {value}),"));
        }
        code.line(0, "]");
        code.blank();
        code.line(0, &conn);
        let mut skips = String::new();
        if has_header(&request.headers, "host") {
            skips.push_str(", skip_host=True");
        }
        if has_header(&request.headers, "accept-encoding") {
            skips.push_str(", skip_accept_encoding=True");
        }
        code.line(0, format!("conn.putrequest({method}, {target}{skips})"));
        code.line(0, "for name, value in headers:");
        code.line(1, "conn.putheader(name, value)");
        match body {
            Some(body) => {
                code.line(
                    0,
                    format!("conn.putheader(\"Content-Length\", str(len({body})))"),
                );
                code.line(0, format!("conn.endheaders({body})"));
            }
            None => {
                code.line(0, "conn.endheaders()");
            }
        }
    } else {
        let mut args = vec![method, target];
        if let Some(body) = body {
            args.push(format!("body={body}"));
        }
        if !headers.is_empty() {
            code.line(0, "headers = {");
            for (name, value) in &headers {
                code.line(1, format!("{name}: {value},"));
            }
            code.line(0, "}");
            args.push("headers=headers".to_string());
        }
        if prelude != "\n" || !headers.is_empty() {
            code.blank();
        }
        code.line(0, &conn);
        code.line(0, format!("conn.request({})", args.join(", ")));
    }
    code.line(0, "response = conn.getresponse()");
    code.blank();
    code.line(0, "print(response.status, response.reason)");
    if request.expects_stream() {
        // Iterating the response reads a line at a time, so each event shows as it arrives.
        code.line(0, "for line in response:");
        code.line(1, "print(line.decode().rstrip(\"\\r\\n\"), flush=True)");
    } else {
        code.line(0, "print(response.read().decode())");
    }
    code.line(0, "conn.close()");
    match request.options.redirect {
        RedirectMode::Manual => {}
        RedirectMode::Follow | RedirectMode::Error => warnings.push(
            "http.client never follows redirects: this snippet prints a 3xx response as it is."
                .to_string(),
        ),
    }
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// A multipart/form-data body built by hand (the standard library has no encoder for requests), with the
/// parts in order and names escaped as browsers escape them.
fn multipart_lines(body: &PreparedBody, code: &mut CodeBuilder) {
    let PreparedBody::Multipart(parts) = body else {
        return;
    };
    code.line(
        0,
        "# (name, file name, content type, content) for each part, in order.",
    );
    code.line(0, "parts = [");
    for part in parts {
        let line = match &part.value {
            PreparedPartValue::Text(value) => format!(
                "({}, None, {}, {}.encode(\"utf-8\")),",
                python_str(&multipart_line_breaks(&part.name)),
                part.content_type
                    .as_deref()
                    .map_or("None".to_string(), python_str),
                python_str(&multipart_line_breaks(value))
            ),
            PreparedPartValue::File(file) => format!(
                "({}, {}, {}, Path({}).read_bytes()),",
                python_str(&multipart_line_breaks(&part.name)),
                python_str(&file.name),
                python_str(file.effective_content_type()),
                python_str(&file.name)
            ),
        };
        code.line(1, line);
    }
    code.line(0, "]");
    // Browsers escape these three in part names; the helper is only written when a name needs it.
    let needs_escaping = parts.iter().any(|part| {
        let file_name = match &part.value {
            PreparedPartValue::File(file) => file.name.as_str(),
            PreparedPartValue::Text(_) => "",
        };
        part.name.contains(['"', '\r', '\n']) || file_name.contains(['"', '\r', '\n'])
    });
    let quoted = |expr: &str| {
        if needs_escaping {
            format!("{{escape({expr})}}")
        } else {
            format!("{{{expr}}}")
        }
    };
    if needs_escaping {
        code.line(0, "");
        code.line(0, "def escape(text):");
        code.line(
            1,
            "return text.replace(\"\\r\", \"%0D\").replace(\"\\n\", \"%0A\").replace('\"', \"%22\")",
        );
        code.line(0, "");
    }
    code.line(0, "boundary = uuid.uuid4().hex");
    code.line(0, "body = b\"\"");
    code.line(0, "for name, file_name, content_type, content in parts:");
    code.line(
        1,
        format!("disposition = f'form-data; name=\"{}\"'", quoted("name")),
    );
    code.line(1, "if file_name is not None:");
    code.line(
        2,
        format!("disposition += f'; filename=\"{}\"'", quoted("file_name")),
    );
    code.line(
        1,
        "body += f\"--{boundary}\\r\\nContent-Disposition: {disposition}\\r\\n\".encode(\"utf-8\")",
    );
    code.line(1, "if content_type is not None:");
    code.line(
        2,
        "body += f\"Content-Type: {content_type}\\r\\n\".encode(\"utf-8\")",
    );
    code.line(1, "body += b\"\\r\\n\" + content + b\"\\r\\n\"");
    code.line(0, "body += f\"--{boundary}--\\r\\n\".encode(\"utf-8\")");
}
