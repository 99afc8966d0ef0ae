//! Snippet target `java-httpclient`: Java 11+ with the JDK's own `java.net.http.HttpClient`.

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::java_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "java-httpclient",
    label: "Java HttpClient",
    client: "HttpClient",
    language: "Java",
    extension: "java",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::OwnNote,
    reads_streams: true,
    digest: DigestSupport::Cannot {
        advice: "its Authenticator answers Basic only; use Apache HttpClient, which answers Digest",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

/// Headers HttpClient refuses to let a program set (it manages them itself).
const RESTRICTED: [&str; 5] = ["connection", "content-length", "expect", "host", "upgrade"];

/// Appends one multipart/form-data part; names are escaped as browsers escape them.
const PART_HELPER: &str = r#"private static void part(ByteArrayOutputStream form, String boundary, String name,
        String fileName, String contentType, byte[] content) throws IOException {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: form-data; name=\"").append(escape(name)).append('"');
    if (fileName != null) {
        head.append("; filename=\"").append(escape(fileName)).append('"');
    }
    head.append("\r\n");
    if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("\r\n");
    form.write(head.toString().getBytes(StandardCharsets.UTF_8));
    form.write(content);
    form.write("\r\n".getBytes(StandardCharsets.UTF_8));
}

private static String escape(String text) {
    return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
}"#;

/// Why a header whose value is not ASCII is commented out (HttpClient encodes header lines as US-ASCII).
const NON_ASCII_LEFT_OUT: &str =
    "Left out: HttpClient sends \"?\" for non-ASCII header characters (and refuses those beyond Latin-1).";

/// Basic credentials as browsers send them: UTF-8, then Base64 (Authenticator would wait for a 401).
const BASIC_HELPER: &str = r#"private static String basic(String user, String password) {
    byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
}"#;

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut imports = BTreeSet::from([
        "java.net.URI",
        "java.net.http.HttpClient",
        "java.net.http.HttpRequest",
        "java.net.http.HttpResponse",
    ]);
    let mut main = CodeBuilder::new(options.indent);
    let mut helpers: Vec<&str> = Vec::new();

    main.line(0, "HttpClient client = HttpClient.newBuilder()");
    // Plain-http requests would otherwise try an h2c upgrade, which browsers never do.
    main.line(2, ".version(HttpClient.Version.HTTP_1_1)");
    match request.options.redirect {
        RedirectMode::Follow => {
            main.line(2, ".followRedirects(HttpClient.Redirect.NORMAL)");
        }
        RedirectMode::Manual => {
            main.line(2, ".followRedirects(HttpClient.Redirect.NEVER)");
        }
        RedirectMode::Error => {
            main.line(2, ".followRedirects(HttpClient.Redirect.NEVER)");
            warnings.push(
                "HttpClient cannot fail on a redirect: this snippet returns the 3xx response instead."
                    .to_string(),
            );
        }
    }
    main.line(2, ".build();").blank();

    let publisher = match &request.body {
        PreparedBody::None => "HttpRequest.BodyPublishers.noBody()".to_string(),
        PreparedBody::Text(text) => {
            format!("HttpRequest.BodyPublishers.ofString({})", java_str(text))
        }
        PreparedBody::UrlEncoded(fields) => {
            main.line(0, "// Encoded as browsers encode forms.");
            main.line(
                0,
                format!(
                    "String form = {};",
                    java_str(&PreparedBody::url_encoded(fields))
                ),
            );
            "HttpRequest.BodyPublishers.ofString(form)".to_string()
        }
        PreparedBody::File(file) => {
            imports.insert("java.nio.file.Path");
            format!(
                "HttpRequest.BodyPublishers.ofFile(Path.of({}))",
                java_str(&file.name)
            )
        }
        PreparedBody::Multipart(parts) => {
            imports.extend([
                "java.io.ByteArrayOutputStream",
                "java.io.IOException",
                "java.nio.charset.StandardCharsets",
                "java.util.UUID",
            ]);
            helpers.push(PART_HELPER);
            main.line(
                0,
                "String boundary = \"----ReqlabBoundary\" + UUID.randomUUID().toString().replace(\"-\", \"\");",
            );
            main.line(
                0,
                "ByteArrayOutputStream form = new ByteArrayOutputStream();",
            );
            for part in parts {
                match &part.value {
                    PreparedPartValue::Text(value) => main.line(
                        0,
                        format!(
                            "part(form, boundary, {}, null, {}, {}.getBytes(StandardCharsets.UTF_8));",
                            java_str(&part.name),
                            part.content_type.as_deref().map_or("null".to_string(), java_str),
                            java_str(value)
                        ),
                    ),
                    PreparedPartValue::File(file) => {
                        imports.extend(["java.nio.file.Files", "java.nio.file.Path"]);
                        main.line(
                            0,
                            format!(
                                "part(form, boundary, {}, {}, {}, Files.readAllBytes(Path.of({})));",
                                java_str(&part.name),
                                java_str(&file.name),
                                java_str(file.effective_content_type()),
                                java_str(&file.name)
                            ),
                        )
                    }
                };
            }
            main.line(
                0,
                "form.write((\"--\" + boundary + \"--\\r\\n\").getBytes(StandardCharsets.UTF_8));",
            );
            "HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())".to_string()
        }
    };

    main.line(0, "HttpRequest request = HttpRequest.newBuilder()");
    main.line(
        2,
        format!(".uri(URI.create({}))", java_str(&request.url.to_string())),
    );
    let has_body = request.body != PreparedBody::None;
    match (&request.method, has_body) {
        (Method::Get, false) => main.line(2, ".GET()"),
        (Method::Delete, false) => main.line(2, ".DELETE()"),
        (Method::Post, _) => main.line(2, format!(".POST({publisher})")),
        (Method::Put, _) => main.line(2, format!(".PUT({publisher})")),
        (method, _) => main.line(
            2,
            format!(".method({}, {publisher})", java_str(method.as_str())),
        ),
    };
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    let mut left_out = Vec::new();
    for (name, value) in &request.headers {
        if RESTRICTED.contains(&name.to_ascii_lowercase().as_str()) {
            warnings.push(format!(
                "Java's HttpClient does not let a program set the \"{name}\" header: it is left out."
            ));
            continue;
        }
        if !value.is_ascii() {
            // Kept in the code, commented out, so the request still runs and still shows what it lacks.
            if left_out.is_empty() {
                main.line(2, format!("// {NON_ASCII_LEFT_OUT}"));
            }
            left_out.push(format!("\"{name}\""));
            main.line(
                2,
                format!("// .header({}, {})", java_str(name), java_str(value)),
            );
            continue;
        }
        if let (true, PreparedAuth::Basic { username, password }) = (
            basic && name.eq_ignore_ascii_case("authorization"),
            &request.auth,
        ) {
            imports.extend(["java.nio.charset.StandardCharsets", "java.util.Base64"]);
            helpers.push(BASIC_HELPER);
            main.line(
                2,
                format!(
                    ".header({}, basic({}, {}))",
                    java_str(name),
                    java_str(username),
                    java_str(password)
                ),
            );
            continue;
        }
        main.line(
            2,
            format!(".header({}, {})", java_str(name), java_str(value)),
        );
    }
    if !left_out.is_empty() {
        warnings.push(format!(
            "Java's HttpClient cannot send header values outside ASCII: it writes header lines as US-ASCII \
             (\"?\" for any other character) and refuses characters beyond Latin-1. Left out, commented \
             out in the code: {}.",
            left_out.join(", ")
        ));
    }
    if matches!(request.body, PreparedBody::Multipart(_)) {
        main.line(
            2,
            ".header(\"Content-Type\", \"multipart/form-data; boundary=\" + boundary)",
        );
    }
    if let Some(ms) = request.options.timeout_ms {
        imports.insert("java.time.Duration");
        main.line(2, format!(".timeout(Duration.ofMillis({ms}))"));
    }
    main.line(2, ".build();").blank();
    if request.expects_stream() {
        // Lines as they arrive, rather than the whole body once it has ended.
        imports.insert("java.util.stream.Stream");
        main.line(
            0,
            "HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());",
        );
        main.line(0, "System.out.println(response.statusCode());");
        main.line(0, "response.body().forEach(System.out::println);");
    } else {
        main.line(
            0,
            "HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());",
        );
        main.line(0, "System.out.println(response.statusCode());");
        main.line(0, "System.out.println(response.body());");
    }

    let mut code = CodeBuilder::new(options.indent);
    for import in &imports {
        code.line(0, format!("import {import};"));
    }
    code.blank();
    code.line(0, "public class Main {");
    code.line(
        1,
        "public static void main(String[] args) throws Exception {",
    );
    for line in main.finish().lines() {
        code.line(2, line);
    }
    code.line(1, "}");
    for helper in helpers {
        code.blank();
        for line in helper.lines() {
            code.line(1, line.replace("    ", &" ".repeat(options.indent)));
        }
    }
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{prepare, Environment, Request};

    #[test]
    fn what_httpclient_cannot_send_is_warned_about() {
        let cases = [
            (
                serde_json::json!({"url": "http://a/", "headers": [{"key": "Connection", "value": "close"}]}),
                "\"Connection\" header",
            ),
            (
                serde_json::json!({"url": "http://a/", "options": {"redirect": "error"}}),
                "cannot fail on a redirect",
            ),
            (
                serde_json::json!({"url": "http://a/", "headers": [{"key": "X-Note", "value": "caf\u{e9}"}]}),
                "Left out, commented out in the code: \"X-Note\"",
            ),
        ];
        for (request, expected) in cases {
            let request: Request = serde_json::from_value(request).expect("request");
            let prepared = prepare(&request, &Environment::default()).expect("prepares");
            let snippet = generate(&prepared, &Options::default());
            assert!(
                snippet.warnings.iter().any(|w| w.contains(expected)),
                "{expected:?} not in {:?}",
                snippet.warnings
            );
            assert!(!snippet.code.contains(".header(\"Connection\""));
            assert!(!snippet
                .code
                .contains("\n                .header(\"X-Note\""));
        }
    }

    #[test]
    fn the_registry_adds_no_utf8_note_to_a_client_that_cannot_send_utf8() {
        let request: Request = serde_json::from_value(
            serde_json::json!({"url": "http://a/", "headers": [{"key": "X-Note", "value": "caf\u{e9}"}]}),
        )
        .expect("request");
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        let target = crate::snippet::find_target("java-httpclient").expect("registered");
        let warnings = target.generate(&prepared, &Options::default()).warnings;
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("US-ASCII"), "{warnings:?}");
    }
}
