//! Snippet target `rust-reqwest`: Rust with reqwest's blocking client (features `blocking`, `multipart`).

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::rust_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "rust-reqwest",
    label: "Rust reqwest",
    client: "reqwest",
    language: "Rust",
    extension: "rs",
    // Checked by golden files only: building reqwest takes minutes, too long for every test run.
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Cannot {
        advice: "use the diqwest crate",
    },
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let multipart = matches!(request.body, PreparedBody::Multipart(_));
    code.line(
        0,
        if multipart {
            "// Cargo.toml: reqwest = { version = \"0.12\", features = [\"blocking\", \"multipart\"] }"
        } else {
            "// Cargo.toml: reqwest = { version = \"0.12\", features = [\"blocking\"] }"
        },
    );
    if request.options.timeout_ms.is_some() {
        code.line(0, "use std::time::Duration;").blank();
    } else {
        code.blank();
    }
    code.line(0, "fn main() -> Result<(), Box<dyn std::error::Error>> {");

    let mut builder = Vec::new();
    // reqwest follows up to ten redirects by default, as browsers do.
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => builder.push(".redirect(reqwest::redirect::Policy::none())".to_string()),
        RedirectMode::Error => builder.push(
            ".redirect(reqwest::redirect::Policy::custom(|attempt| attempt.error(\"redirects are not allowed\")))"
                .to_string(),
        ),
    }
    if let Some(ms) = request.options.timeout_ms {
        builder.push(format!(".timeout(Duration::from_millis({ms}))"));
    }
    if builder.is_empty() {
        code.line(1, "let client = reqwest::blocking::Client::new();");
    } else {
        code.line(1, "let client = reqwest::blocking::Client::builder()");
        for option in &builder {
            code.line(2, option);
        }
        code.line(2, ".build()?;");
    }

    if let PreparedBody::Multipart(parts) = &request.body {
        let mut lines: Vec<String> = parts
            .iter()
            .map(|part| match (&part.value, &part.content_type) {
                (PreparedPartValue::Text(value), None) => {
                    format!(".text({}, {})", rust_str(&part.name), rust_str(value))
                }
                // Part::text has no file name, so the part is sent with its type and without one.
                (PreparedPartValue::Text(value), Some(content_type)) => {
                    if content_type.chars().any(|c| c.is_ascii_uppercase()) {
                        warnings.push(format!(
                            "reqwest's mime_str lower-cases the media type and parameter names of the \
                             part \"{}\".",
                            part.name
                        ));
                    }
                    format!(
                        ".part({}, reqwest::blocking::multipart::Part::text({}).mime_str({})?)",
                        rust_str(&part.name),
                        rust_str(value),
                        rust_str(content_type)
                    )
                }
                (PreparedPartValue::File(file), _) => format!(
                    ".part({}, reqwest::blocking::multipart::Part::file({})?.mime_str({})?)",
                    rust_str(&part.name),
                    rust_str(&file.name),
                    rust_str(file.effective_content_type())
                ),
            })
            .collect();
        if let Some(last) = lines.last_mut() {
            last.push(';');
        }
        code.line(1, "let form = reqwest::blocking::multipart::Form::new()");
        for line in &lines {
            code.line(2, line);
        }
    }

    let call = match &request.method {
        Method::Get => "client.get(url)".to_string(),
        Method::Post => "client.post(url)".to_string(),
        Method::Put => "client.put(url)".to_string(),
        Method::Patch => "client.patch(url)".to_string(),
        Method::Delete => "client.delete(url)".to_string(),
        Method::Head => "client.head(url)".to_string(),
        other => format!(
            "client.request(reqwest::Method::from_bytes({}.as_bytes())?, url)",
            rust_str(other.as_str())
        ),
    };
    code.line(
        1,
        format!("let url = {};", rust_str(&request.url.to_string())),
    );
    code.line(1, format!("let response = {call}"));
    for (name, value) in &request.headers {
        match &request.auth {
            PreparedAuth::Basic { username, password }
                if name.eq_ignore_ascii_case("authorization") =>
            {
                code.line(
                    2,
                    format!(
                        ".basic_auth({}, Some({}))",
                        rust_str(username),
                        rust_str(password)
                    ),
                );
            }
            // HeaderValue takes only visible ASCII from a `&str`, and any bytes from a `&[u8]`: the UTF-8.
            _ if !value.is_ascii() => {
                code.line(
                    2,
                    format!(
                        ".header({}, {}.as_bytes()) // UTF-8 bytes: a &str value must be ASCII",
                        rust_str(name),
                        rust_str(value)
                    ),
                );
            }
            // `header` appends: a repeated name stays separate header lines.
            _ => {
                code.line(
                    2,
                    format!(".header({}, {})", rust_str(name), rust_str(value)),
                );
            }
        }
    }
    match &request.body {
        PreparedBody::None => {}
        PreparedBody::Text(text) => {
            code.line(2, format!(".body({})", rust_str(text)));
        }
        PreparedBody::UrlEncoded(fields) => {
            // `.form()` would replace the Content-Type above; the browser's encoding is sent as it is.
            code.line(
                2,
                format!(
                    ".body({}) // encoded as browsers encode forms",
                    rust_str(&PreparedBody::url_encoded(fields))
                ),
            );
        }
        PreparedBody::File(file) => {
            code.line(
                2,
                format!(".body(std::fs::read({})?)", rust_str(&file.name)),
            );
        }
        PreparedBody::Multipart(_) => {
            code.line(2, ".multipart(form)");
        }
    }
    code.line(2, ".send()?;").blank();
    code.line(1, "println!(\"{}\", response.status());");
    code.line(1, "println!(\"{}\", response.text()?);");
    code.line(1, "Ok(())");
    code.line(0, "}");
    Snippet {
        code: code.finish(),
        warnings,
    }
}
