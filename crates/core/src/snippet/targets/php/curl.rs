//! Snippet target `php-curl`: PHP with its curl extension (`curl_setopt_array`).

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{has_header, PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::php::php_str;
use crate::snippet::written_multipart::{crlf_joined_items, has_typed_text_part};
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "php-curl",
    label: "PHP cURL",
    client: "cURL",
    language: "PHP",
    extension: "php",
    runnable_here: true,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "<?php").blank();
    code.line(0, "$ch = curl_init();");
    code.line(0, "curl_setopt_array($ch, [");
    code.line(
        1,
        format!("CURLOPT_URL => {},", php_str(&request.url.to_string())),
    );
    code.line(1, "CURLOPT_RETURNTRANSFER => true,");
    match &request.method {
        // NOBODY makes a real HEAD: a custom "HEAD" would wait for a body.
        Method::Head => {
            code.line(1, "CURLOPT_NOBODY => true,");
        }
        Method::Get => {}
        Method::Post if request.body != PreparedBody::None => {}
        other => {
            code.line(
                1,
                format!("CURLOPT_CUSTOMREQUEST => {},", php_str(other.as_str())),
            );
        }
    }
    let basic = matches!(request.auth, PreparedAuth::Basic { .. });
    if let PreparedAuth::Basic { username, password } = &request.auth {
        code.line(1, "CURLOPT_HTTPAUTH => CURLAUTH_BASIC,");
        code.line(
            1,
            format!(
                "CURLOPT_USERPWD => {},",
                php_str(&format!("{username}:{password}"))
            ),
        );
    }
    // PHP's curl answers a Digest challenge itself; the first request goes without credentials.
    if let PreparedAuth::Digest { username, password } = &request.auth {
        code.line(1, "CURLOPT_HTTPAUTH => CURLAUTH_DIGEST,");
        code.line(1, format!("CURLOPT_USERNAME => {},", php_str(username)));
        code.line(1, format!("CURLOPT_PASSWORD => {},", php_str(password)));
    }
    // CURLFile always writes a filename, which a text part with its own type must not have: such a body is
    // written out, with its boundary in the Content-Type.
    let by_hand = match &request.body {
        PreparedBody::Multipart(parts) if has_typed_text_part(parts) => {
            Some(crlf_joined_items(parts, php_str, |file| {
                format!("file_get_contents({})", php_str(&file.name))
            }))
        }
        _ => None,
    };
    let mut headers: Vec<String> = request
        .headers
        .iter()
        .filter(|(name, _)| !(basic && name.eq_ignore_ascii_case("authorization")))
        // `Name:` would remove the header; `Name;` is curl's spelling for an empty value.
        .map(|(name, value)| {
            if value.is_empty() {
                format!("{name};")
            } else {
                format!("{name}: {value}")
            }
        })
        .collect();
    if let Some((content_type, _)) = &by_hand {
        if !has_header(&request.headers, "Content-Type") {
            headers.push(format!("Content-Type: {content_type}"));
        }
    }
    if !headers.is_empty() {
        code.line(1, "CURLOPT_HTTPHEADER => [");
        for header in &headers {
            code.line(2, format!("{},", php_str(header)));
        }
        code.line(1, "],");
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            code.line(1, format!("CURLOPT_POSTFIELDS => {},", php_str(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            // http_build_query writes `*` as %2A and loses repeated keys: send the browser's encoding.
            code.line(
                1,
                format!(
                    "CURLOPT_POSTFIELDS => {}, // encoded as browsers encode forms",
                    php_str(&PreparedBody::url_encoded(fields))
                ),
            );
        }
        PreparedBody::File(file) => {
            code.line(
                1,
                format!(
                    "CURLOPT_POSTFIELDS => file_get_contents({}),",
                    php_str(&file.name)
                ),
            );
        }
        PreparedBody::Multipart(_) if by_hand.is_some() => {
            code.line(
                1,
                "// CURLFile always writes a filename, which a typed text part must not have: the body is written out.",
            );
            code.line(1, "CURLOPT_POSTFIELDS => implode(\"\\r\\n\", [");
            for item in by_hand.iter().flat_map(|(_, items)| items) {
                code.line(2, format!("{item},"));
            }
            code.line(1, "]),");
        }
        PreparedBody::Multipart(parts) => {
            // An array sends multipart/form-data; its keys are unique, so a repeated name keeps one part.
            code.line(1, "CURLOPT_POSTFIELDS => [");
            let mut names: Vec<&str> = Vec::new();
            for part in parts {
                if names.contains(&part.name.as_str()) {
                    warnings.push(format!(
                        "PHP arrays hold one value per key: only the last form part named \"{}\" is sent.",
                        part.name
                    ));
                }
                names.push(&part.name);
                let value = match &part.value {
                    PreparedPartValue::Text(value) => php_str(value),
                    PreparedPartValue::File(file) => format!(
                        "new CURLFile({}, {}, {})",
                        php_str(&file.name),
                        php_str(file.effective_content_type()),
                        php_str(&file.name)
                    ),
                };
                code.line(2, format!("{} => {value},", php_str(&part.name)));
            }
            code.line(1, "],");
        }
    }
    match request.options.redirect {
        RedirectMode::Follow => {
            code.line(1, "CURLOPT_FOLLOWLOCATION => true,");
        }
        RedirectMode::Manual => {}
        RedirectMode::Error => {
            // Following with no redirects allowed turns a 3xx into an error.
            code.line(1, "CURLOPT_FOLLOWLOCATION => true,");
            code.line(1, "CURLOPT_MAXREDIRS => 0,");
        }
    }
    if let Some(ms) = request.options.timeout_ms {
        code.line(1, format!("CURLOPT_TIMEOUT_MS => {ms},"));
    }
    code.line(0, "]);").blank();
    code.line(0, "$response = curl_exec($ch);");
    code.line(0, "if ($response === false) {");
    code.line(1, "fwrite(STDERR, curl_error($ch) . \"\\n\");");
    code.line(1, "exit(1);");
    code.line(0, "}");
    code.line(
        0,
        "echo curl_getinfo($ch, CURLINFO_RESPONSE_CODE), \"\\n\";",
    );
    code.line(0, "echo $response, \"\\n\";");
    code.line(0, "curl_close($ch);");
    Snippet {
        code: code.finish(),
        warnings,
    }
}
