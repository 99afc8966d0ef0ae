//! Snippet target `kotlin-okhttp`: Kotlin with OkHttp 3, the same calls as `java-okhttp` in Kotlin syntax.

use super::{client_options, header_calls, plan, typed_part_call, TypedPart};
use crate::edit::model::Method;
use crate::prepare::{form_encode, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::kotlin_str;
use crate::snippet::{NonAsciiHeaders, Options, Snippet, Target};
use std::collections::BTreeSet;

pub const TARGET: Target = Target {
    id: "kotlin-okhttp",
    label: "Kotlin OkHttp",
    client: "OkHttp",
    language: "Kotlin",
    extension: "kt",
    // Checked by golden files only: kotlinc 1.3 takes about 8 s per file on these machines, which would
    // double the family's executed run; java-okhttp executes the same OkHttp calls.
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    generate,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut imports = BTreeSet::from(["okhttp3.OkHttpClient", "okhttp3.Request"]);
    let mut main = CodeBuilder::new(options.indent);
    let plan = plan(request);

    let client_options = client_options(request, &mut imports, &mut warnings);
    if client_options.is_empty() {
        main.line(0, "val client = OkHttpClient()");
    } else {
        main.line(0, "val client = OkHttpClient.Builder()");
        for option in &client_options {
            main.line(1, option);
        }
        main.line(1, ".build()");
    }
    main.blank();

    let media = |imports: &mut BTreeSet<&str>| match &plan.media_type {
        Some(value) => {
            imports.insert("okhttp3.MediaType");
            format!("MediaType.parse({})", kotlin_str(value))
        }
        None => "null".to_string(),
    };
    let has_body = match &request.body {
        PreparedBody::None if plan.needs_body => {
            imports.insert("okhttp3.RequestBody");
            main.line(0, "val body = RequestBody.create(null, ByteArray(0))");
            true
        }
        PreparedBody::None => false,
        PreparedBody::Text(text) => {
            imports.insert("okhttp3.RequestBody");
            // Bytes, not a String: OkHttp would add "; charset=utf-8" to the Content-Type.
            let media = media(&mut imports);
            main.line(
                0,
                format!(
                    "val body = RequestBody.create({media}, {}.toByteArray())",
                    kotlin_str(text)
                ),
            );
            true
        }
        PreparedBody::UrlEncoded(fields) if plan.form_body => {
            imports.insert("okhttp3.FormBody");
            // FormBody.add writes a space as %20; browsers write `+`. addEncoded takes the browser's encoding.
            main.line(0, "val body = FormBody.Builder()");
            for (key, value) in fields {
                main.line(
                    1,
                    format!(
                        ".addEncoded({}, {})",
                        kotlin_str(&form_encode(key)),
                        kotlin_str(&form_encode(value))
                    ),
                );
            }
            main.line(1, ".build()");
            true
        }
        PreparedBody::UrlEncoded(fields) => {
            imports.insert("okhttp3.RequestBody");
            let media = media(&mut imports);
            main.line(0, "// Encoded as browsers encode forms.");
            main.line(
                0,
                format!(
                    "val body = RequestBody.create({media}, {}.toByteArray())",
                    kotlin_str(&PreparedBody::url_encoded(fields))
                ),
            );
            true
        }
        PreparedBody::File(file) => {
            imports.extend(["okhttp3.RequestBody", "java.io.File"]);
            let media = media(&mut imports);
            main.line(
                0,
                format!(
                    "val body = RequestBody.create({media}, File({}))",
                    kotlin_str(&file.name)
                ),
            );
            true
        }
        PreparedBody::Multipart(parts) => {
            imports.insert("okhttp3.MultipartBody");
            main.line(0, "val body = MultipartBody.Builder()");
            main.line(1, ".setType(MultipartBody.FORM)");
            for part in parts {
                match (&part.value, &part.content_type) {
                    (PreparedPartValue::Text(value), None) => main.line(
                        1,
                        format!(
                            ".addFormDataPart({}, {})",
                            kotlin_str(&part.name),
                            kotlin_str(value)
                        ),
                    ),
                    (PreparedPartValue::Text(value), Some(content_type)) => main.line(
                        1,
                        typed_part_call(
                            TypedPart {
                                name: &part.name,
                                value,
                                content_type,
                            },
                            kotlin_str,
                            ".toByteArray()",
                            &mut imports,
                            &mut warnings,
                        ),
                    ),
                    (PreparedPartValue::File(file), _) => {
                        imports.extend([
                            "okhttp3.MediaType",
                            "okhttp3.RequestBody",
                            "java.io.File",
                        ]);
                        main.line(
                            1,
                            format!(
                                ".addFormDataPart({}, {}, RequestBody.create(MediaType.parse({}), File({})))",
                                kotlin_str(&part.name),
                                kotlin_str(&file.name),
                                kotlin_str(file.effective_content_type()),
                                kotlin_str(&file.name)
                            ),
                        )
                    }
                };
            }
            main.line(1, ".build()");
            true
        }
    };
    if has_body {
        main.blank();
    }

    let headers = header_calls(request, &plan, kotlin_str, "Charsets.UTF_8", &mut imports);
    headers.write_separate(
        &mut main,
        ["val headers = Headers.Builder()", ".build()"],
        1,
        &mut imports,
    );

    main.line(0, "val request = Request.Builder()");
    main.line(1, format!(".url({})", kotlin_str(&request.url.to_string())));
    match (&request.method, has_body) {
        (Method::Get, false) => {}
        (Method::Head, false) => {
            main.line(1, ".head()");
        }
        (Method::Delete, false) => {
            main.line(1, ".delete()");
        }
        (Method::Post, true) => {
            main.line(1, ".post(body)");
        }
        (Method::Put, true) => {
            main.line(1, ".put(body)");
        }
        (Method::Patch, true) => {
            main.line(1, ".patch(body)");
        }
        (method, has_body) => {
            main.line(
                1,
                format!(
                    ".method({}, {})",
                    kotlin_str(method.as_str()),
                    if has_body { "body" } else { "null" }
                ),
            );
        }
    }
    for line in headers.on_request() {
        main.line(1, line);
    }
    main.line(1, ".build()").blank();
    main.line(0, "client.newCall(request).execute().use { response ->");
    main.line(1, "println(\"${response.code()} ${response.message()}\")");
    main.line(1, "println(response.body()?.string())");
    main.line(0, "}");

    let mut code = CodeBuilder::new(options.indent);
    // java.* imports after the library's, as IDEs order them.
    let (java, library): (Vec<&str>, Vec<&str>) =
        imports.iter().partition(|i| i.starts_with("java."));
    for import in library.iter().chain(java.iter()) {
        code.line(0, format!("import {import}"));
    }
    code.blank();
    code.line(0, "fun main() {");
    for line in main.finish().lines() {
        code.line(1, line);
    }
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}
