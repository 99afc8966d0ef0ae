//! Snippet target `csharp-httpclient`: C# (.NET 6+, top-level statements) with `System.Net.Http.HttpClient`.

use crate::edit::model::{Method, RedirectMode};
use crate::prepare::{PreparedAuth, PreparedBody, PreparedPartValue, PreparedRequest};
use crate::snippet::code_builder::CodeBuilder;
use crate::snippet::quote::c_like::csharp_str;
use crate::snippet::{DigestSupport, NonAsciiHeaders, Options, Snippet, Target};

pub const TARGET: Target = Target {
    id: "csharp-httpclient",
    label: "C# HttpClient",
    client: "HttpClient",
    language: "C#",
    extension: "cs",
    // Checked by golden files only: .NET does not install here.
    runnable_here: false,
    non_ascii_headers: NonAsciiHeaders::Utf8,
    reads_streams: false,
    digest: DigestSupport::Answers,
    signs_aws: false,
    generate,
    websocket: None,
};

/// Headers .NET only accepts on the content, not on the request (it drops them there without a word).
const CONTENT_HEADERS: [&str; 10] = [
    "allow",
    "content-disposition",
    "content-encoding",
    "content-language",
    "content-length",
    "content-location",
    "content-md5",
    "content-range",
    "content-type",
    "expires",
];

fn generate(request: &PreparedRequest, options: &Options) -> Snippet {
    let mut warnings = Vec::new();
    let mut code = CodeBuilder::new(options.indent);
    let uses_files =
        matches!(request.body, PreparedBody::File(_)) || has_multipart_file(&request.body);
    code.line(0, "using System;");
    if uses_files {
        code.line(0, "using System.IO;");
    }
    if matches!(request.auth, PreparedAuth::Digest { .. }) {
        code.line(0, "using System.Net;");
    }
    code.line(0, "using System.Net.Http;");
    code.line(0, "using System.Net.Http.Headers;");
    code.line(0, "using System.Text;").blank();

    // HttpClientHandler follows redirects by default, as browsers do.
    let mut handler_options: Vec<String> = Vec::new();
    match request.options.redirect {
        RedirectMode::Follow => {}
        RedirectMode::Manual => handler_options.push("AllowAutoRedirect = false".into()),
        RedirectMode::Error => {
            warnings.push(
                "HttpClient cannot fail on a redirect: this snippet returns the 3xx response instead."
                    .to_string(),
            );
            handler_options.push("AllowAutoRedirect = false".into());
        }
    }
    // The handler answers the server's Digest challenge with these (Basic and NTLM too).
    if let PreparedAuth::Digest { username, password } = &request.auth {
        handler_options.push(format!(
            "Credentials = new NetworkCredential({}, {})",
            csharp_str(username),
            csharp_str(password)
        ));
    }
    // .NET refuses header values outside ASCII unless the handler is told how to encode them; only
    // SocketsHttpHandler (.NET 5+) can be told.
    let handler = if request.headers.iter().any(|(_, value)| !value.is_ascii()) {
        code.line(
            0,
            "// Header values outside ASCII are refused unless an encoding is chosen: UTF-8, as curl sends them.",
        );
        handler_options.push("RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8".into());
        "SocketsHttpHandler"
    } else {
        "HttpClientHandler"
    };
    if handler_options.is_empty() {
        code.line(0, format!("var handler = new {handler}();"));
    } else {
        code.line(
            0,
            format!(
                "var handler = new {handler} {{ {} }};",
                handler_options.join(", ")
            ),
        );
    }
    match request.options.timeout_ms {
        Some(ms) => code.line(
            0,
            format!(
                "using var client = new HttpClient(handler) {{ Timeout = TimeSpan.FromMilliseconds({ms}) }};"
            ),
        ),
        None => code.line(0, "using var client = new HttpClient(handler);"),
    };
    let method = match &request.method {
        Method::Get => "HttpMethod.Get".to_string(),
        Method::Post => "HttpMethod.Post".to_string(),
        Method::Put => "HttpMethod.Put".to_string(),
        Method::Patch => "HttpMethod.Patch".to_string(),
        Method::Delete => "HttpMethod.Delete".to_string(),
        Method::Head => "HttpMethod.Head".to_string(),
        Method::Options => "HttpMethod.Options".to_string(),
        Method::Trace => "HttpMethod.Trace".to_string(),
        other => format!("new HttpMethod({})", csharp_str(other.as_str())),
    };
    code.line(
        0,
        format!(
            "using var request = new HttpRequestMessage({method}, {});",
            csharp_str(&request.url.to_string())
        ),
    );

    let has_content = request.body != PreparedBody::None;
    match &request.body {
        PreparedBody::None => &mut code,
        // ByteArrayContent carries no Content-Type of its own (StringContent would add "; charset=utf-8").
        PreparedBody::Text(text) => code.line(
            0,
            format!(
                "request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes({}));",
                csharp_str(text)
            ),
        ),
        PreparedBody::UrlEncoded(fields) => {
            // FormUrlEncodedContent escapes `*` and `~` unlike browsers: send the browser's encoding.
            code.line(0, "// Encoded as browsers encode forms.");
            code.line(
                0,
                format!(
                    "request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes({}));",
                    csharp_str(&PreparedBody::url_encoded(fields))
                ),
            )
        }
        PreparedBody::File(file) => code.line(
            0,
            format!(
                "request.Content = new ByteArrayContent(File.ReadAllBytes({}));",
                csharp_str(&file.name)
            ),
        ),
        PreparedBody::Multipart(parts) => {
            code.line(0, "var form = new MultipartFormDataContent();");
            for part in parts {
                match (&part.value, &part.content_type) {
                    (PreparedPartValue::Text(value), Some(content_type)) => {
                        code.line(0, "{");
                        code.line(
                            1,
                            format!(
                                "var part = new ByteArrayContent(Encoding.UTF8.GetBytes({}));",
                                csharp_str(value)
                            ),
                        );
                        // WithoutValidation: the type exactly as written (MediaTypeHeaderValue re-spaces it).
                        code.line(
                            1,
                            format!(
                                "part.Headers.TryAddWithoutValidation(\"Content-Type\", {});",
                                csharp_str(content_type)
                            ),
                        );
                        // Add without a file name: the part has none, as curl's `type=` part.
                        code.line(1, format!("form.Add(part, {});", csharp_str(&part.name)));
                        code.line(0, "}")
                    }
                    // ByteArrayContent, so a text part has no Content-Type, as in browsers.
                    (PreparedPartValue::Text(value), None) => code.line(
                        0,
                        format!(
                            "form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes({})), {});",
                            csharp_str(value),
                            csharp_str(&part.name)
                        ),
                    ),
                    (PreparedPartValue::File(file), _) => {
                        code.line(0, "{");
                        code.line(
                            1,
                            format!(
                                "var file = new ByteArrayContent(File.ReadAllBytes({}));",
                                csharp_str(&file.name)
                            ),
                        );
                        code.line(
                            1,
                            format!(
                                "file.Headers.ContentType = MediaTypeHeaderValue.Parse({});",
                                csharp_str(file.effective_content_type())
                            ),
                        );
                        code.line(
                            1,
                            format!(
                                "form.Add(file, {}, {});",
                                csharp_str(&part.name),
                                csharp_str(&file.name)
                            ),
                        );
                        code.line(0, "}")
                    }
                };
            }
            code.line(0, "request.Content = form;")
        }
    };

    for (name, value) in &request.headers {
        let lower = name.to_ascii_lowercase();
        if let (PreparedAuth::Basic { username, password }, "authorization") =
            (&request.auth, lower.as_str())
        {
            // UTF-8 credentials, as browsers send them.
            code.line(
                0,
                format!(
                    "request.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", Convert.ToBase64String(Encoding.UTF8.GetBytes({})));",
                    csharp_str(&format!("{username}:{password}"))
                ),
            );
            continue;
        }
        let target = if CONTENT_HEADERS.contains(&lower.as_str()) {
            if !has_content {
                warnings.push(format!(
                    "HttpClient sends \"{name}\" only with a body: it is left out of this request."
                ));
                continue;
            }
            "request.Content.Headers"
        } else {
            "request.Headers"
        };
        // WithoutValidation: sent exactly as written, repeats included.
        code.line(
            0,
            format!(
                "{target}.TryAddWithoutValidation({}, {});",
                csharp_str(name),
                csharp_str(value)
            ),
        );
    }
    code.blank();
    code.line(0, "using var response = await client.SendAsync(request);");
    code.line(
        0,
        "Console.WriteLine($\"{(int)response.StatusCode} {response.ReasonPhrase}\");",
    );
    code.line(
        0,
        "Console.WriteLine(await response.Content.ReadAsStringAsync());",
    );
    Snippet {
        code: code.finish(),
        warnings,
    }
}

fn has_multipart_file(body: &PreparedBody) -> bool {
    matches!(body, PreparedBody::Multipart(parts)
        if parts.iter().any(|p| matches!(p.value, PreparedPartValue::File(_))))
}
