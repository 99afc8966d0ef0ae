//! Snippet target `java-okhttp`: Java with OkHttp 3 (the API Debian packages and Android apps still use).

use super::{client_options, header_calls, plan, typed_part_call, TypedPart};
use crate::edit::model::Method;
use crate::prepare::{form_encode, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::java_str;
use crate::snippet::{NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "java-okhttp",
    label: "Java OkHttp",
    client: "OkHttp",
    language: "Java",
    extension: "java",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    generate,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut imports = BTreeSet::from([
        "okhttp3.OkHttpClient",
        "okhttp3.Request",
        "okhttp3.Response",
    ]);
    let mut main = CodeBuilder::new(options.indent);
    let plan = plan(request);

    let client_options = client_options(request, &mut imports, &mut warnings);
    if client_options.is_empty() {
        main.line(0, "OkHttpClient client = new OkHttpClient();");
    } else {
        main.line(0, "OkHttpClient client = new OkHttpClient.Builder()");
        for option in &client_options {
            main.line(2, option);
        }
        main.line(2, ".build();");
    }
    main.blank();

    let media = |imports: &mut BTreeSet<&str>| match &plan.media_type {
        Some(value) => {
            imports.insert("okhttp3.MediaType");
            format!("MediaType.parse({})", java_str(value))
        }
        None => "null".to_string(),
    };
    let body = match &request.body {
        PreparedBody::None if plan.needs_body => {
            imports.insert("okhttp3.RequestBody");
            main.line(
                0,
                "RequestBody body = RequestBody.create(null, new byte[0]);",
            );
            "body"
        }
        PreparedBody::None => "null",
        PreparedBody::Text(text) => {
            imports.extend(["okhttp3.RequestBody", "java.nio.charset.StandardCharsets"]);
            // Bytes, not a String: OkHttp would add "; charset=utf-8" to the Content-Type.
            let media = media(&mut imports);
            main.line(
                0,
                format!(
                    "RequestBody body = RequestBody.create({media}, {}.getBytes(StandardCharsets.UTF_8));",
                    java_str(text)
                ),
            );
            "body"
        }
        PreparedBody::UrlEncoded(fields) if plan.form_body => {
            imports.insert("okhttp3.FormBody");
            // FormBody.add writes a space as %20; browsers write `+`. addEncoded takes the browser's encoding.
            main.line(0, "FormBody body = new FormBody.Builder()");
            for (key, value) in fields {
                main.line(
                    2,
                    format!(
                        ".addEncoded({}, {})",
                        java_str(&form_encode(key)),
                        java_str(&form_encode(value))
                    ),
                );
            }
            main.line(2, ".build();");
            "body"
        }
        PreparedBody::UrlEncoded(fields) => {
            imports.extend(["okhttp3.RequestBody", "java.nio.charset.StandardCharsets"]);
            let media = media(&mut imports);
            main.line(0, "// Encoded as browsers encode forms.");
            main.line(
                0,
                format!(
                    "RequestBody body = RequestBody.create({media}, {}.getBytes(StandardCharsets.UTF_8));",
                    java_str(&PreparedBody::url_encoded(fields))
                ),
            );
            "body"
        }
        PreparedBody::File(file) => {
            imports.extend(["okhttp3.RequestBody", "java.io.File"]);
            let media = media(&mut imports);
            main.line(
                0,
                format!(
                    "RequestBody body = RequestBody.create({media}, new File({}));",
                    java_str(&file.name)
                ),
            );
            "body"
        }
        PreparedBody::Multipart(parts) => {
            imports.insert("okhttp3.MultipartBody");
            main.line(0, "MultipartBody body = new MultipartBody.Builder()");
            main.line(2, ".setType(MultipartBody.FORM)");
            for part in parts {
                match (&part.value, &part.content_type) {
                    (PreparedPartValue::Text(value), None) => main.line(
                        2,
                        format!(
                            ".addFormDataPart({}, {})",
                            java_str(&part.name),
                            java_str(value)
                        ),
                    ),
                    (PreparedPartValue::Text(value), Some(content_type)) => {
                        imports.insert("java.nio.charset.StandardCharsets");
                        main.line(
                            2,
                            typed_part_call(
                                TypedPart {
                                    name: &part.name,
                                    value,
                                    content_type,
                                },
                                java_str,
                                ".getBytes(StandardCharsets.UTF_8)",
                                &mut imports,
                                &mut warnings,
                            ),
                        )
                    }
                    (PreparedPartValue::File(file), _) => {
                        imports.extend([
                            "okhttp3.MediaType",
                            "okhttp3.RequestBody",
                            "java.io.File",
                        ]);
                        main.line(
                            2,
                            format!(
                                ".addFormDataPart({}, {}, RequestBody.create(MediaType.parse({}), new File({})))",
                                java_str(&part.name),
                                java_str(&file.name),
                                java_str(file.effective_content_type()),
                                java_str(&file.name)
                            ),
                        )
                    }
                };
            }
            main.line(2, ".build();");
            "body"
        }
    };
    if body != "null" {
        main.blank();
    }

    let headers = header_calls(
        request,
        &plan,
        java_str,
        "StandardCharsets.UTF_8",
        &mut imports,
    );
    if imports.contains("okhttp3.Credentials") {
        imports.insert("java.nio.charset.StandardCharsets");
    }
    headers.write_separate(
        &mut main,
        ["Headers headers = new Headers.Builder()", ".build();"],
        2,
        &mut imports,
    );

    main.line(0, "Request request = new Request.Builder()");
    main.line(2, format!(".url({})", java_str(&request.url.to_string())));
    match (&request.method, body) {
        (Method::Get, "null") => {}
        (Method::Head, "null") => {
            main.line(2, ".head()");
        }
        (Method::Delete, "null") => {
            main.line(2, ".delete()");
        }
        (Method::Post, _) => {
            main.line(2, format!(".post({body})"));
        }
        (Method::Put, _) => {
            main.line(2, format!(".put({body})"));
        }
        (Method::Patch, _) => {
            main.line(2, format!(".patch({body})"));
        }
        (method, _) => {
            main.line(2, format!(".method({}, {body})", java_str(method.as_str())));
        }
    }
    for line in headers.on_request() {
        main.line(2, line);
    }
    main.line(2, ".build();").blank();
    main.line(
        0,
        "try (Response response = client.newCall(request).execute()) {",
    );
    main.line(
        1,
        "System.out.println(response.code() + \" \" + response.message());",
    );
    main.line(1, "System.out.println(response.body().string());");
    main.line(0, "}");

    let mut code = CodeBuilder::new(options.indent);
    // java.* imports after the library's, as IDEs order them.
    let (java, library): (Vec<&str>, Vec<&str>) =
        imports.iter().partition(|i| i.starts_with("java."));
    for import in library.iter().chain(java.iter()) {
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
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::generate;
    use crate::snippet::Options;
    use crate::{prepare, Environment, Request};

    #[test]
    fn a_part_type_okhttp_cannot_parse_is_warned_about() {
        let request: Request = serde_json::from_value(serde_json::json!({
            "method": "POST",
            "url": "http://a/",
            "body": {"mode": "multipart", "parts": [
                {"name": "meta", "kind": "text", "value": "{}", "content_type": "json"}
            ]}
        }))
        .expect("request");
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        let snippet = generate(&prepared, &Options::default());
        assert!(
            snippet.code.contains(
                ".addFormDataPart(\"meta\", null, RequestBody.create(MediaType.parse(\"json\")"
            ),
            "{}",
            snippet.code
        );
        assert_eq!(
            snippet.warnings,
            ["OkHttp cannot read \"json\" as a media type: the part \"meta\" is sent without a Content-Type."]
        );
    }
}
