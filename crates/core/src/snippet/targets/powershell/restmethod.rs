//! Snippet target `powershell-restmethod`: PowerShell 7's Invoke-RestMethod, its parameters splatted from one
//! hashtable the way PowerShell's documentation writes calls with many parameters.

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::headers::merge_repeated_headers;
use crate::snippet::quote::powershell::powershell_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "powershell-restmethod",
    label: "PowerShell Invoke-RestMethod",
    client: "Invoke-RestMethod",
    language: "PowerShell",
    extension: "ps1",
    // Golden-only: PowerShell does not install here (see TOOLCHAIN.md).
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::OwnNote,
    reads_streams: false,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    code.line(0, "$params = @{");
    code.line(
        1,
        format!("Uri = {}", powershell_str(&request.url.to_string())),
    );
    code.line(1, method_line(&request.method));
    // With a Credential the handler answers the server's Digest challenge itself. PowerShell refuses to
    // send credentials over plain HTTP unless told it may.
    if let PreparedAuth::Digest { username, password } = &request.auth {
        code.line(
            1,
            format!(
                "Credential = [pscredential]::new({}, (ConvertTo-SecureString -String {} -AsPlainText -Force))",
                powershell_str(username),
                powershell_str(password)
            ),
        );
        if !request.url.is_secure() {
            code.line(1, "AllowUnencryptedAuthentication = $true");
        }
    }

    let mut content_type = None;
    let mut user_agent = None;
    let mut headers = Vec::new();
    for (name, value) in
        merge_repeated_headers(&request.headers, "Invoke-RestMethod", &mut warnings)
    {
        // Both have parameters of their own; in Headers PowerShell refuses or overrides them.
        if name.eq_ignore_ascii_case("content-type") {
            content_type = Some(value);
        } else if name.eq_ignore_ascii_case("user-agent") {
            user_agent = Some(value);
        } else {
            headers.push((name, value));
        }
    }
    let non_ascii: Vec<String> = request
        .headers
        .iter()
        .filter(|(_, value)| !value.is_ascii())
        .map(|(name, _)| format!("\"{name}\""))
        .collect();
    if !non_ascii.is_empty() {
        // .NET writes request headers only in ASCII, and the web cmdlets choose no other encoding.
        warnings.push(format!(
            "Invoke-RestMethod cannot send the value of {}: .NET refuses header characters outside ASCII, and \
             the request fails with \"Request headers must contain only ASCII characters.\" before it is sent.",
            non_ascii.join(", ")
        ));
    }
    if !headers.is_empty() {
        code.line(1, "Headers = @{");
        for (name, value) in &headers {
            code.line(
                2,
                format!("{} = {}", powershell_str(name), powershell_str(value)),
            );
        }
        code.line(1, "}");
    }
    if let Some(agent) = user_agent {
        code.line(1, format!("UserAgent = {}", powershell_str(&agent)));
    }
    if let Some(content_type) = content_type {
        code.line(
            1,
            format!("ContentType = {}", powershell_str(&content_type)),
        );
    }
    body_lines(&request.body, &mut code, &mut warnings);
    if let Some(ms) = request.options.timeout_ms {
        let seconds = ms.div_ceil(1000);
        if ms % 1000 != 0 {
            warnings.push(format!(
                "Invoke-RestMethod takes whole seconds: the timeout is {seconds} s instead of {ms} ms."
            ));
        }
        code.line(1, format!("TimeoutSec = {seconds}"));
    }
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => {
            code.line(1, "MaximumRedirection = 0");
            code.line(1, "SkipHttpErrorCheck = $true");
        }
        RedirectMode::Error => {
            code.line(1, "MaximumRedirection = 0");
        }
    }
    code.line(0, "}");
    code.line(0, "$response = Invoke-RestMethod @params");
    code.line(0, "$response");
    Snippet {
        code: code.finish(),
        warnings,
    }
}

/// `Method` for the methods PowerShell names (`Post`), `CustomMethod` for the rest (PROPFIND, CONNECT).
fn method_line(method: &Method) -> String {
    let named = match method {
        Method::Get => "Get",
        Method::Post => "Post",
        Method::Put => "Put",
        Method::Patch => "Patch",
        Method::Delete => "Delete",
        Method::Head => "Head",
        Method::Options => "Options",
        Method::Trace => "Trace",
        other => return format!("CustomMethod = {}", powershell_str(other.as_str())),
    };
    format!("Method = '{named}'")
}

fn body_lines(body: &PreparedBody, code: &mut CodeBuilder, warnings: &mut Vec<String>) {
    match body {
        PreparedBody::None => {}
        PreparedBody::Text(text) if text.is_ascii() => {
            code.line(1, format!("Body = {}", powershell_str(text)));
        }
        // Before 7.4 PowerShell encodes a string body as Latin-1 unless the content type names a charset;
        // bytes are sent as they are.
        PreparedBody::Text(text) => {
            code.line(
                1,
                format!(
                    "Body = [System.Text.Encoding]::UTF8.GetBytes({})",
                    powershell_str(text)
                ),
            );
        }
        // PowerShell's own form encoding of a hashtable loses the field order; the browser's encoding is sent.
        PreparedBody::UrlEncoded(fields) => {
            code.line(
                1,
                format!(
                    "Body = {}",
                    powershell_str(&PreparedBody::url_encoded(fields))
                ),
            );
        }
        PreparedBody::File(file) => {
            code.line(1, format!("InFile = {}", powershell_str(&file.name)));
        }
        PreparedBody::Multipart(parts) => {
            code.line(1, "Form = [ordered]@{");
            let mut names: Vec<&str> = Vec::new();
            for part in parts {
                if names.contains(&part.name.as_str()) {
                    warnings.push(format!(
                        "A hashtable holds one \"{}\" entry: PowerShell sends only the last part of that name.",
                        part.name
                    ));
                }
                names.push(&part.name);
                let value = match &part.value {
                    PreparedPartValue::Text(value) => {
                        // -Form takes strings and files only; a part's own headers need a hand-built
                        // MultipartFormDataContent.
                        if let Some(content_type) = &part.content_type {
                            warnings.push(format!(
                                "-Form cannot give a text part its own type: \"{}\" is sent labelled \
                                 \"text/plain; charset=utf-8\", not \"{content_type}\".",
                                part.name
                            ));
                        }
                        let note = "PowerShell labels text parts \"Content-Type: text/plain; charset=utf-8\"; \
                                    browsers send them without a content type."
                            .to_string();
                        if !warnings.contains(&note) {
                            warnings.push(note);
                        }
                        powershell_str(value)
                    }
                    PreparedPartValue::File(file) => {
                        if file.effective_content_type() != "application/octet-stream" {
                            warnings.push(format!(
                                "PowerShell sends \"{}\" as application/octet-stream, not {}.",
                                file.name,
                                file.effective_content_type()
                            ));
                        }
                        format!("(Get-Item -LiteralPath {})", powershell_str(&file.name))
                    }
                };
                code.line(2, format!("{} = {value}", powershell_str(&part.name)));
            }
            code.line(1, "}");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::model::{Environment, Request};
    use crate::prepare::prepare;
    use crate::snippet::{find_target, Options};

    fn warnings(request: serde_json::Value) -> Vec<String> {
        let request: Request = serde_json::from_value(request).expect("request json");
        let prepared = prepare(&request, &Environment::default()).expect("prepares");
        let target = find_target("powershell-restmethod").expect("registered");
        target.generate(&prepared, &Options::default()).warnings
    }

    #[test]
    fn says_what_it_cannot_send() {
        // The refusal replaces the note that the value goes out as UTF-8.
        let headers = warnings(serde_json::json!({"method": "GET", "url": "http://h/",
            "headers": [{"key": "X-Note", "value": "café"}, {"key": "X-Plain", "value": "a"}]}));
        assert_eq!(headers.len(), 1, "{headers:?}");
        assert!(headers[0].contains("cannot send the value of \"X-Note\":"));
        let typed = warnings(
            serde_json::json!({"method": "POST", "url": "http://h/", "body": {"mode": "multipart",
            "parts": [{"name": "meta", "kind": "text", "value": "{}", "content_type": "application/json"}]}}),
        );
        assert!(
            typed.iter().any(|w| w.contains("\"meta\" is sent labelled")
                && w.contains("not \"application/json\"")),
            "{typed:?}"
        );
    }
}
