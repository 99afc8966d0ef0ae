//! Snippet target `dart-http`: Dart with the `http` package (and `http_parser` for part content types).

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{
    PreparedAuth, PreparedBody, PreparedPart, PreparedPartValue, PreparedRequest,
};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::dart_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "dart-http",
    label: "Dart http",
    client: "http",
    language: "Dart",
    extension: "dart",
    // Checked by golden files only: Dart does not install here.
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::OwnNote,
    reads_streams: false,
    digest: DigestSupport::Cannot {
        advice: "use dart:io's HttpClient with HttpClientDigestCredentials",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut imports = BTreeSet::from(["package:http/http.dart"]);
    let mut body = CodeBuilder::new(options.indent);
    let url = format!("Uri.parse({})", dart_str(&request.url.to_string()));
    let method = dart_str(request.method.as_str());

    match &request.body {
        PreparedBody::Multipart(parts) => {
            body.line(
                1,
                format!("final request = http.MultipartRequest({method}, {url});"),
            );
            // MultipartRequest writes every text field before the first file (a typed text part is one of
            // the files), and keeps one value per field.
            let is_field = |p: &PreparedPart| {
                matches!(p.value, PreparedPartValue::Text(_)) && p.content_type.is_none()
            };
            let first_file = parts.iter().position(|p| !is_field(p));
            let text_after_file = first_file.is_some_and(|i| parts[i..].iter().any(is_field));
            if text_after_file {
                warnings.push(
                    "Dart's MultipartRequest sends all text fields before the files: the parts arrive in a \
                     different order."
                        .to_string(),
                );
            }
            let mut text_names: Vec<&str> = Vec::new();
            for part in parts {
                match (&part.value, &part.content_type) {
                    // fromBytes, not fromString: fromString adds "; charset=utf-8" to the type. No
                    // filename is given, so the part has none.
                    (PreparedPartValue::Text(value), Some(content_type)) => {
                        imports.extend(["dart:convert", "package:http_parser/http_parser.dart"]);
                        body.line(
                            1,
                            format!(
                                "request.files.add(http.MultipartFile.fromBytes({}, utf8.encode({}),",
                                dart_str(&part.name),
                                dart_str(value)
                            ),
                        );
                        body.line(
                            3,
                            format!(
                                "contentType: MediaType.parse({})));",
                                dart_str(content_type)
                            ),
                        );
                    }
                    (PreparedPartValue::Text(value), None) => {
                        if text_names.contains(&part.name.as_str()) {
                            warnings.push(format!(
                                "Dart's MultipartRequest holds one value per text field: only the last \"{}\" is sent.",
                                part.name
                            ));
                        }
                        text_names.push(&part.name);
                        body.line(
                            1,
                            format!(
                                "request.fields[{}] = {};",
                                dart_str(&part.name),
                                dart_str(value)
                            ),
                        );
                    }
                    (PreparedPartValue::File(file), _) => {
                        imports.insert("package:http_parser/http_parser.dart");
                        body.line(
                            1,
                            format!(
                                "request.files.add(await http.MultipartFile.fromPath({}, {},",
                                dart_str(&part.name),
                                dart_str(&file.name)
                            ),
                        );
                        body.line(
                            3,
                            format!(
                                "contentType: MediaType.parse({})));",
                                dart_str(file.effective_content_type())
                            ),
                        );
                    }
                }
            }
        }
        other => {
            body.line(1, format!("final request = http.Request({method}, {url});"));
            match other {
                // bodyBytes, not body: the `body` setter adds "; charset=utf-8" to the Content-Type.
                PreparedBody::Text(text) => {
                    imports.insert("dart:convert");
                    body.line(
                        1,
                        format!("request.bodyBytes = utf8.encode({});", dart_str(text)),
                    );
                }
                PreparedBody::UrlEncoded(fields) => {
                    // bodyFields escapes `*` unlike browsers and keeps one value per key.
                    imports.insert("dart:convert");
                    body.line(1, "// Encoded as browsers encode forms.");
                    body.line(
                        1,
                        format!(
                            "request.bodyBytes = utf8.encode({});",
                            dart_str(&PreparedBody::url_encoded(fields))
                        ),
                    );
                }
                PreparedBody::File(file) => {
                    imports.insert("dart:io");
                    body.line(
                        1,
                        format!(
                            "request.bodyBytes = await File({}).readAsBytes();",
                            dart_str(&file.name)
                        ),
                    );
                }
                PreparedBody::None | PreparedBody::Multipart(_) => {}
            }
        }
    }

    // headers is a case-insensitive map: a repeated name is joined with ", ", which HTTP treats as equal.
    let mut headers: Vec<(&str, String)> = Vec::new();
    for (name, value) in &request.headers {
        match headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((_, joined)) => {
                joined.push_str(", ");
                joined.push_str(value);
            }
            None => headers.push((name, value.clone())),
        }
    }
    let mut left_out = Vec::new();
    for (name, value) in &headers {
        if !value.is_ascii() {
            // Kept in the code, commented out, so the request still runs and still shows what it lacks.
            if left_out.is_empty() {
                body.line(
                    1,
                    "// Left out: dart:io refuses header values outside ASCII (FormatException).",
                );
            }
            left_out.push(format!("\"{name}\""));
            body.line(
                1,
                format!(
                    "// request.headers[{}] = {};",
                    dart_str(name),
                    dart_str(value)
                ),
            );
            continue;
        }
        match &request.auth {
            PreparedAuth::Basic { username, password }
                if name.eq_ignore_ascii_case("authorization") =>
            {
                // UTF-8 credentials, as browsers send them.
                imports.insert("dart:convert");
                body.line(
                    1,
                    format!(
                        "request.headers[{}] = 'Basic ' + base64Encode(utf8.encode({}));",
                        dart_str(name),
                        dart_str(&format!("{username}:{password}"))
                    ),
                );
            }
            _ => {
                body.line(
                    1,
                    format!("request.headers[{}] = {};", dart_str(name), dart_str(value)),
                );
            }
        }
    }
    if !left_out.is_empty() {
        warnings.push(format!(
            "Dart's http (through dart:io) cannot send header values outside ASCII: it throws a \
             FormatException. Left out, commented out in the code: {}.",
            left_out.join(", ")
        ));
    }
    match request.options.redirect {
        RedirectMode::Follow => {
            if !matches!(request.method, Method::Get | Method::Head) {
                warnings.push(format!(
                    "dart:io follows redirects only for GET and HEAD: for {} this snippet returns the 3xx \
                     response instead.",
                    request.method.as_str()
                ));
            }
        }
        RedirectMode::Manual => {
            body.line(1, "request.followRedirects = false;");
        }
        RedirectMode::Error => {
            // Following with no redirects allowed turns a 3xx into an exception.
            body.line(1, "request.maxRedirects = 0;");
        }
    }
    body.blank();
    match request.options.timeout_ms {
        Some(ms) => body.line(
            1,
            format!(
                "final streamed = await request.send().timeout(const Duration(milliseconds: {ms}));"
            ),
        ),
        None => body.line(1, "final streamed = await request.send();"),
    };
    body.line(
        1,
        "final response = await http.Response.fromStream(streamed);",
    );
    body.line(
        1,
        "print('${response.statusCode} ${response.reasonPhrase}');",
    );
    body.line(1, "print(response.body);");

    let mut code = CodeBuilder::new(options.indent);
    // dart: imports first, then packages, as `dart format` and the linter order them.
    for import in imports.iter().filter(|i| i.starts_with("dart:")) {
        code.line(0, format!("import '{import}';"));
    }
    for import in imports.iter().filter(|i| !i.starts_with("dart:")) {
        // The package's own docs import it under the `http` prefix.
        let prefix = if *import == "package:http/http.dart" {
            " as http"
        } else {
            ""
        };
        code.line(0, format!("import '{import}'{prefix};"));
    }
    code.blank();
    code.line(0, "Future<void> main() async {");
    let mut text = code.finish();
    text.push_str(&body.finish());
    text.push_str("}\n");
    Snippet {
        code: text,
        warnings,
    }
}
