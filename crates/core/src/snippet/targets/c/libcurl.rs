//! Snippet target `c-libcurl`: C with libcurl's easy interface (and its mime API for multipart forms).

use crate::edit::model::{Method, RedirectMode};
use crate::edit::signed_auth::AwsSigV4;
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::c_str;
use crate::snippet::send_time_auth::{curl_query_order_warning, s3_payload_hash};
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "c-libcurl",
    label: "C libcurl",
    client: "libcurl",
    language: "C",
    extension: "c",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: true,
    digest: DigestSupport::Answers,
    signs_aws: true,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let file_body = matches!(request.body, PreparedBody::File(_));
    let multipart = matches!(request.body, PreparedBody::Multipart(_));
    code.line(0, "#include <stdio.h>");
    code.line(0, "#include <curl/curl.h>").blank();
    code.line(0, "int main(void)").line(0, "{");
    code.line(1, "CURL *curl;");
    code.line(1, "CURLcode res;");
    code.line(1, "long status = 0;");
    code.line(1, "struct curl_slist *headers = NULL;");
    if multipart {
        code.line(1, "curl_mime *form;");
        code.line(1, "curl_mimepart *part;");
    }
    if file_body {
        code.line(1, "FILE *body;");
        code.line(1, "long size;");
    }
    code.blank();
    if request.expects_stream() {
        // curl writes the body to stdout as it arrives, but stdout into a pipe holds it until the end.
        code.line(
            1,
            "/* Unbuffered, so each piece of the stream shows as it arrives. */",
        );
        code.line(1, "setvbuf(stdout, NULL, _IONBF, 0);");
    }
    code.line(1, "curl_global_init(CURL_GLOBAL_DEFAULT);");
    code.line(1, "curl = curl_easy_init();");
    code.line(1, "if (!curl)").line(2, "return 1;");
    code.line(
        1,
        format!(
            "curl_easy_setopt(curl, CURLOPT_URL, {});",
            c_str(&request.url.to_string())
        ),
    );
    match &request.method {
        // NOBODY makes a real HEAD: CUSTOMREQUEST "HEAD" would wait for a body.
        Method::Head => {
            code.line(1, "curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);");
        }
        Method::Get => {}
        Method::Post if request.body != PreparedBody::None => {}
        other => {
            code.line(
                1,
                format!(
                    "curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, {});",
                    c_str(other.as_str())
                ),
            );
        }
    }
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    if let PreparedAuth::Basic { username, password } = &request.auth {
        code.line(
            1,
            "curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);",
        );
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_USERNAME, {});",
                c_str(username)
            ),
        );
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_PASSWORD, {});",
                c_str(password)
            ),
        );
    }
    // libcurl answers a Digest challenge itself; the first request goes without credentials.
    if let PreparedAuth::Digest { username, password } = &request.auth {
        code.line(
            1,
            "curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_DIGEST);",
        );
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_USERNAME, {});",
                c_str(username)
            ),
        );
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_PASSWORD, {});",
                c_str(password)
            ),
        );
    }
    // `send_time_auth` leaves AWS settings here only where libcurl signs the request itself (7.75 and
    // later); it signs the headers it is given, the session token's and S3's body hash included.
    let mut aws_headers = Vec::new();
    if let PreparedAuth::AwsSigV4 { params } = &request.auth {
        let settings = AwsSigV4::read(params);
        warnings.extend(curl_query_order_warning(request));
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, {});",
                c_str(&format!("aws:amz:{}:{}", settings.region, settings.service))
            ),
        );
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_USERNAME, {});",
                c_str(&settings.access_key)
            ),
        );
        code.line(
            1,
            format!(
                "curl_easy_setopt(curl, CURLOPT_PASSWORD, {});",
                c_str(&settings.secret_key)
            ),
        );
        if !settings.session_token.is_empty() {
            aws_headers.push((
                "X-Amz-Security-Token".to_string(),
                settings.session_token.clone(),
            ));
        }
        if let Some(hash) = s3_payload_hash(request, &settings) {
            aws_headers.push(("X-Amz-Content-Sha256".to_string(), hash));
        }
    }
    let mut header_count = 0;
    for (name, value) in request.headers.iter().chain(&aws_headers) {
        if basic && name.eq_ignore_ascii_case("authorization") {
            continue; // sent by CURLOPT_USERNAME and CURLOPT_PASSWORD
        }
        // `Name:` would remove the header; `Name;` is libcurl's spelling for an empty value.
        let line = if value.is_empty() {
            format!("{name};")
        } else {
            format!("{name}: {value}")
        };
        code.line(
            1,
            format!("headers = curl_slist_append(headers, {});", c_str(&line)),
        );
        header_count += 1;
    }
    if header_count > 0 {
        code.line(1, "curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);");
    }
    body_lines(&request.body, &mut code);
    match request.options.redirect {
        RedirectMode::Follow => {
            code.line(1, "curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);");
        }
        RedirectMode::Manual => {}
        RedirectMode::Error => {
            // Following with no redirects allowed turns a 3xx into CURLE_TOO_MANY_REDIRECTS.
            code.line(1, "curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);");
            code.line(1, "curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 0L);");
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        code.line(
            1,
            format!("curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, {ms}L);"),
        );
    }
    code.blank();
    code.line(1, "/* The response body goes to stdout. */");
    code.line(1, "res = curl_easy_perform(curl);");
    code.line(1, "if (res == CURLE_OK) {");
    code.line(
        2,
        "curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);",
    );
    code.line(2, "printf(\"\\n%ld\\n\", status);");
    code.line(1, "} else {");
    code.line(
        2,
        "fprintf(stderr, \"request failed: %s\\n\", curl_easy_strerror(res));",
    );
    code.line(1, "}").blank();
    if multipart {
        code.line(1, "curl_mime_free(form);");
    }
    if file_body {
        code.line(1, "fclose(body);");
    }
    code.line(1, "curl_slist_free_all(headers);");
    code.line(1, "curl_easy_cleanup(curl);");
    code.line(1, "curl_global_cleanup();");
    code.line(1, "return res == CURLE_OK ? 0 : 1;");
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

fn body_lines(body: &PreparedBody, code: &mut CodeBuilder) {
    match body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => data_lines(code, text, None),
        PreparedBody::UrlEncoded(fields) => data_lines(
            code,
            &PreparedBody::url_encoded(fields),
            // curl_easy_escape writes a space as %20; forms want `+`.
            Some("encoded as browsers encode forms"),
        ),
        PreparedBody::File(file) => {
            code.line(1, format!("body = fopen({}, \"rb\");", c_str(&file.name)));
            code.line(1, "if (!body) {");
            code.line(2, format!("perror({});", c_str(&file.name)));
            code.line(2, "return 1;").line(1, "}");
            code.line(1, "fseek(body, 0, SEEK_END);");
            code.line(1, "size = ftell(body);");
            code.line(1, "rewind(body);");
            // libcurl's default read callback is fread on READDATA.
            code.line(1, "curl_easy_setopt(curl, CURLOPT_POST, 1L);");
            code.line(1, "curl_easy_setopt(curl, CURLOPT_READDATA, body);");
            code.line(1, "curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, size);");
        }
        PreparedBody::Multipart(parts) => {
            code.line(1, "form = curl_mime_init(curl);");
            for part in parts {
                code.line(1, "part = curl_mime_addpart(form);");
                code.line(1, format!("curl_mime_name(part, {});", c_str(&part.name)));
                match &part.value {
                    PreparedPartValue::Text(value) => {
                        // A NUL inside the value needs an explicit length to be sent.
                        let length = if value.contains('\0') {
                            value.len().to_string()
                        } else {
                            "CURL_ZERO_TERMINATED".to_string()
                        };
                        code.line(
                            1,
                            format!("curl_mime_data(part, {}, {length});", c_str(value)),
                        );
                        // A data part has no filename, so its own type is all that is added.
                        if let Some(content_type) = &part.content_type {
                            code.line(1, format!("curl_mime_type(part, {});", c_str(content_type)));
                        }
                    }
                    PreparedPartValue::File(file) => {
                        code.line(
                            1,
                            format!("curl_mime_filedata(part, {});", c_str(&file.name)),
                        );
                        code.line(
                            1,
                            format!(
                                "curl_mime_type(part, {});",
                                c_str(file.effective_content_type())
                            ),
                        );
                    }
                }
            }
            code.line(1, "curl_easy_setopt(curl, CURLOPT_MIMEPOST, form);");
        }
    }
}

/// The body as a static array, so `sizeof` counts every byte, NUL included.
fn data_lines(code: &mut CodeBuilder, text: &str, note: Option<&str>) {
    if let Some(note) = note {
        code.line(1, format!("/* {note} */"));
    }
    code.line(1, format!("static const char data[] = {};", c_str(text)));
    code.line(1, "curl_easy_setopt(curl, CURLOPT_POSTFIELDS, data);");
    code.line(
        1,
        "curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)(sizeof data - 1));",
    );
}
