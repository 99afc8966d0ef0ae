//! Snippet target `node-axios`: axios in Node 20, as an ES module (`.mjs`), one `axios({...})` request config.

use super::body::{form_data, url_search_params, written_multipart, FileInputs};
use super::{auth_option_header_expressions, grouped, utf8_headers_comment, Runtime};
use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::javascript::js_str;
use crate::snippet::written_multipart::has_typed_text_part;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "node-axios",
    label: "Node axios",
    client: "axios",
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
    code.line(0, "import axios from \"axios\";");
    if !files.names.is_empty() {
        code.line(0, "import { readFile } from \"node:fs/promises\";");
    }
    code.blank();
    let method = request.method.as_str();
    if method.bytes().any(|b| b.is_ascii_lowercase()) {
        warnings.push(format!(
            "axios upper-cases methods: it sends {} instead of {method}.",
            method.to_ascii_uppercase()
        ));
    }
    let mut headers = auth_option_header_expressions(request);
    let data = match &request.body {
        PreparedBody::None => None,
        PreparedBody::Text(text) => Some(js_str(text)),
        PreparedBody::UrlEncoded(fields) => {
            url_search_params(fields, &mut code);
            code.blank();
            Some("params".to_string())
        }
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            headers.extend(written_multipart(
                &request.headers,
                parts,
                "multipart",
                &mut code,
                Runtime::Node,
                &files,
            ));
            code.blank();
            Some("multipart".to_string())
        }
        PreparedBody::Multipart(_) => {
            form_data(&request.body, &mut code, Runtime::Node, &files);
            code.blank();
            Some("form".to_string())
        }
        PreparedBody::File(file) => Some(files.bytes(file, Runtime::Node)),
    };

    let mut config: Vec<(usize, String)> = vec![
        (0, format!("method: {},", js_str(method))),
        (0, format!("url: {},", js_str(&request.url.to_string()))),
    ];
    if !headers.is_empty() {
        if let Some(comment) = utf8_headers_comment(&request.headers, Runtime::Node) {
            config.push((0, comment.to_string()));
        }
        config.push((0, "headers: {".to_string()));
        // axios keeps one entry per name, case-insensitively; an array sends every value on its own line.
        for (name, values) in grouped(&headers) {
            let value = match values.as_slice() {
                [one] => one.clone(),
                several => format!("[{}]", several.join(", ")),
            };
            config.push((1, format!("{}: {value},", js_str(&name))));
        }
        config.push((0, "},".to_string()));
    }
    if let Some(data) = data {
        config.push((0, format!("data: {data},")));
    }
    if let PreparedBody::Text(text) = &request.body {
        if json_content_type(request) && !survives_axios_json(text) {
            // axios re-serialises JSON text it cannot parse (and trims what it can): send it as written.
            config.push((0, "transformRequest: [(data) => data],".to_string()));
        }
    }
    if let PreparedAuth::Basic { username, password } = &request.auth {
        config.push((
            0,
            format!(
                "auth: {{ username: {}, password: {} }},",
                js_str(username),
                js_str(password)
            ),
        ));
    }
    if let Some(ms) = request.options.timeout_ms {
        config.push((0, format!("timeout: {ms},")));
    }
    let stream = request.expects_stream();
    if stream {
        // axios otherwise collects the whole body first; in Node, a stream hands over each piece as it comes.
        config.push((0, "responseType: \"stream\",".to_string()));
    }
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            config.push((0, "maxRedirects: 0,".to_string()));
            config.push((
                0,
                "validateStatus: (status) => status >= 200 && status < 400,".to_string(),
            ));
        }
        // With no redirects allowed, a 3xx fails axios' default status check and the promise rejects.
        RedirectMode::Error => config.push((0, "maxRedirects: 0,".to_string())),
    }
    if request.method == Method::Connect {
        warnings.push(
            "Node's http client, under axios, treats CONNECT as a tunnel request: no response is printed."
                .to_string(),
        );
    }

    code.line(0, "const response = await axios({");
    for (depth, line) in &config {
        code.line(depth + 1, line);
    }
    code.line(0, "});");
    code.blank();
    code.line(0, "console.log(response.status, response.statusText);");
    if stream {
        code.line(0, "for await (const chunk of response.data) {");
        code.line(1, "process.stdout.write(chunk);");
        code.line(0, "}");
    } else {
        code.line(0, "console.log(response.data);");
    }
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// axios treats the body as JSON when the Content-Type contains `application/json` (case-sensitively).
fn json_content_type(request: &PreparedRequest) -> bool {
    request
        .headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("content-type") && v.contains("application/json"))
}

/// True when axios sends this JSON text unchanged: it parses, and trimming (JavaScript's notion of white
/// space, which adds U+FEFF to Rust's) removes nothing. When unsure, false: the override is harmless.
fn survives_axios_json(text: &str) -> bool {
    let space = |c: char| c.is_whitespace() || c == '\u{feff}';
    text.trim_matches(space) == text && serde_json::from_str::<serde_json::Value>(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_axios_would_rewrite_is_detected() {
        let cases = [
            ("{\"ok\": true}", true),
            ("[1, 2.5, null, \"x\"]", true),
            ("{\"a\": 1}\n", false),
            ("\u{feff}{}", false),
            ("{not json", false),
            ("plain text", false),
        ];
        for (text, expected) in cases {
            assert_eq!(survives_axios_json(text), expected, "{text:?}");
        }
    }
}
