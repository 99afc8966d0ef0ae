//! Snippet target `node-http`: Node 20's `node:http` / `node:https` modules, as an ES module (`.mjs`).

use super::body::{form_data, url_search_params, written_multipart, FileInputs};
use super::{auth_option_header_expressions, grouped, utf8_headers_comment, Runtime};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::written_multipart::has_typed_text_part;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "node-http",
    label: "Node http",
    client: "http",
    language: "Node.js",
    extension: "mjs",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "use the digest-fetch package",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let files = FileInputs::of(&request.body);
    let module = if request.url.scheme == "https" {
        "https"
    } else {
        "http"
    };
    code.line(0, format!("import {module} from \"node:{module}\";"));
    if !files.names.is_empty() {
        code.line(0, "import { readFile } from \"node:fs/promises\";");
    }
    code.blank();
    code.line(
        0,
        format!("const url = {};", js_str(&request.url.to_string())),
    );

    let mut headers = auth_option_header_expressions(request);
    let body = match &request.body {
        PreparedBody::None => None,
        PreparedBody::Text(text) => {
            code.line(0, format!("const body = {};", js_str(text)));
            Some("body")
        }
        PreparedBody::UrlEncoded(fields) => {
            url_search_params(fields, &mut code);
            code.line(0, "const body = params.toString();");
            Some("body")
        }
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            // node:http has no multipart encoder.
            headers.extend(written_multipart(
                &request.headers,
                parts,
                "body",
                &mut code,
                Runtime::Node,
                &files,
            ));
            Some("body")
        }
        PreparedBody::Multipart(_) => {
            form_data(&request.body, &mut code, Runtime::Node, &files);
            code.line(
                0,
                "// node:http has no multipart encoder: Response encodes the form and picks the boundary.",
            );
            code.line(0, "const multipart = new Response(form);");
            code.line(
                0,
                "const body = Buffer.from(await multipart.arrayBuffer());",
            );
            headers.push((
                "Content-Type".to_string(),
                "multipart.headers.get(\"Content-Type\")".to_string(),
            ));
            Some("body")
        }
        PreparedBody::File(file) => {
            code.line(
                0,
                format!("const body = {};", files.bytes(file, Runtime::Node)),
            );
            Some("body")
        }
    };

    // Node sends a body without Content-Length or chunking for these methods, so the server cannot tell
    // where it ends.
    if body.is_some()
        && matches!(
            request.method,
            Method::Delete | Method::Options | Method::Trace | Method::Connect
        )
        && !request
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        headers.push((
            "Content-Length".to_string(),
            "Buffer.byteLength(body)".to_string(),
        ));
    }
    code.blank();
    code.line(0, "const options = {");
    code.line(1, format!("method: {},", js_str(request.method.as_str())));
    if !headers.is_empty() {
        if let Some(comment) = utf8_headers_comment(&request.headers, Runtime::Node) {
            code.line(1, comment);
        }
        code.line(1, "headers: {");
        // Node keeps one entry per name, case-insensitively; an array sends every value on its own line.
        for (name, values) in grouped(&headers) {
            let value = match values.as_slice() {
                [one] => one.clone(),
                several => format!("[{}]", several.join(", ")),
            };
            code.line(2, format!("{}: {value},", js_str(&name)));
        }
        code.line(1, "},");
    }
    if let PreparedAuth::Basic { username, password } = &request.auth {
        // Node encodes `auth` as UTF-8, as browsers do.
        code.line(
            1,
            format!("auth: {},", js_str(&format!("{username}:{password}"))),
        );
    }
    if let Some(ms) = request.options.timeout_ms {
        code.line(1, format!("signal: AbortSignal.timeout({ms}),"));
    }
    code.line(0, "};");
    match request.options.redirect {
        RedirectMode::Manual => {}
        RedirectMode::Follow | RedirectMode::Error => warnings.push(
            "node:http never follows redirects: this snippet prints a 3xx response as it is."
                .to_string(),
        ),
    }

    code.blank();
    code.line(
        0,
        format!("const request = {module}.request(url, options, (response) => {{"),
    );
    code.line(
        1,
        "console.log(response.statusCode, response.statusMessage);",
    );
    code.line(1, "response.setEncoding(\"utf8\");");
    if request.expects_stream() {
        // Each piece as it arrives, rather than the whole body at the end.
        code.line(
            1,
            "response.on(\"data\", (chunk) => process.stdout.write(chunk));",
        );
    } else {
        code.line(1, "let text = \"\";");
        code.line(1, "response.on(\"data\", (chunk) => (text += chunk));");
        code.line(1, "response.on(\"end\", () => console.log(text));");
    }
    code.line(0, "});");
    code.line(0, "request.on(\"error\", (error) => {");
    code.line(1, "console.error(error);");
    code.line(1, "process.exitCode = 1;");
    code.line(0, "});");
    match body {
        Some(body) => code.line(0, format!("request.end({body});")),
        None => code.line(0, "request.end();"),
    };
    Snippet {
        code: code.finish(),
        warnings,
    }
}
